package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.civicpulse.config.Targets;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** Scores from kpis_daily rows: a day's score does not depend on the range the run was given. */
class ScoreWindowsTest {
  private static final LocalDate D = LocalDate.of(2025, 6, 30);
  private static final StructType KPIS = new StructType().add("date", DataTypes.DateType)
      .add("community_id", DataTypes.StringType).add("overdue", DataTypes.IntegerType)
      .add("sla_met", DataTypes.IntegerType).add("sla_due", DataTypes.IntegerType).add("csat", DataTypes.DoubleType)
      .add("feedback_n", DataTypes.IntegerType).add("feedback_rate", DataTypes.DoubleType)
      .add("first_response_p50_h", DataTypes.DoubleType).add("resolution_p90_h", DataTypes.DoubleType)
      .add("reopen_rate", DataTypes.DoubleType);
  private static final StructType PARTICIPATION = new StructType().add("date", DataTypes.DateType)
      .add("community_id", DataTypes.StringType).add("per_1000", DataTypes.DoubleType);
  /** Four targets configured; overdue has none and takes the community's history. */
  private static final Targets TARGETS = new Targets(Map.of("sla_compliance", 0.9, "csat", 0.8,
      "first_response_p50_h", 2.0, "resolution_p90_h", 72.0));

  @Test
  void aDaysScoreIsTheSameInAOneDayRunAndInARangeRun() {
    SparkSession spark = SharedSpark.get();
    // D − 9 … D − 1: overdue 1, 2, 3, 1, 2, 3, 1, 2, 3; D: 4. Every other metric exactly on its target.
    List<Row> rows = new ArrayList<>();
    int[] overdue = {1, 2, 3, 1, 2, 3, 1, 2, 3, 4};
    for (int i = 0; i < overdue.length; i++) {
      rows.add(RowFactory.create(Date.valueOf(D.minusDays(9 - i)), "C1", overdue[i], 9, 10, 0.8, 5, null, 2.0, 72.0, null));
    }
    Dataset<Row> kpis = spark.createDataFrame(rows, KPIS);
    Dataset<Row> participation = spark.createDataFrame(List.of(), PARTICIPATION);

    List<Row> oneDay = onDay(ScoreWindows.scores(spark, kpis, participation, new DateRange(D, D), TARGETS));
    List<Row> range = onDay(ScoreWindows.scores(spark, kpis, participation, new DateRange(D.minusDays(5), D), TARGETS));

    assertThat(range).as("D's four windows, run for D − 5 … D").containsExactlyElementsOf(oneDay);
    Row day = oneDay.get(0);
    assertThat(day.<String>getAs("window")).isEqualTo("day");
    // overdue history {1, 2, 3} × 3: mean 2, sample variance 6/8, target 2 + 0.866025 = 2.866025; D's 4 → 0.716506.
    // The four others are 1.0 each: (4 + 0.716506) / 5.
    double overdueRatio = (2 + Math.sqrt(0.75)) / 4;
    assertThat(day.<Double>getAs("score")).as("day score").isCloseTo((4 + overdueRatio) / 5, within(1e-12));
    assertThat(day.<Integer>getAs("metrics_n")).isEqualTo(5);
    assertThat(day.<String>getAs("worst")).isEqualTo("overdue;sla_compliance");
  }

  private static List<Row> onDay(Dataset<Row> scores) {
    return scores.filter("date = DATE'" + D + "'").collectAsList().stream()
        .sorted(java.util.Comparator.comparing((Row r) -> List.copyOf(ScoreWindows.WINDOWS.keySet()).indexOf(r.<String>getAs("window"))))
        .toList();
  }
}
