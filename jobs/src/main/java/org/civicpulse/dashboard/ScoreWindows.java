package org.civicpulse.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.civicpulse.config.Targets;

/**
 * Scores per community (and ALL) for each day of a range and the windows day, week (7 days), month (30) and
 * quarter (90) ending that day. Window values: SLA compliance and CSAT pooled over the window's requests and
 * ratings; time and rate metrics as the mean of the window's daily values; overdue and participation per
 * 1,000 as at the window's last day. A metric without a configured target is measured against the community's
 * own history (HistoryTargets). metrics_n says how many metrics had a value and a target: the score's basis
 * (no score below ScoreCalculator.MIN_BASIS).
 */
public final class ScoreWindows {
  static final Map<String, Integer> WINDOWS = new LinkedHashMap<>();

  static {
    WINDOWS.put("day", 1);
    WINDOWS.put("week", 7);
    WINDOWS.put("month", 30);
    WINDOWS.put("quarter", 90);
  }

  public static final StructType SCHEMA = new StructType()
      .add("date", DataTypes.DateType).add("community_id", DataTypes.StringType).add("window", DataTypes.StringType)
      .add("score", DataTypes.DoubleType).add("best", DataTypes.StringType).add("worst", DataTypes.StringType)
      .add("metrics_n", DataTypes.IntegerType);

  private ScoreWindows() {}

  /**
   * @param kpis kpis_daily rows with category ALL, from {@link HistoryTargets#DAYS} days before the range on (the
   *     quarter window and the history targets reach back that far)
   * @param participation participation_daily rows with dimension ALL, from as far back
   */
  public static Dataset<Row> scores(SparkSession spark, Dataset<Row> kpis, Dataset<Row> participation, DateRange r,
      Targets targets) {
    StringBuilder sql = new StringBuilder("SELECT k.date, k.community_id, w.window");
    sql.append(", sum_met / nullif(sum_due, 0) AS sla_compliance, sum_happy / nullif(sum_fb, 0) AS csat")
        .append(", avg_feedback_rate AS feedback_rate, p.per_1000 AS participation_per_1000")
        .append(", avg_fr AS first_response_p50_h, avg_res AS resolution_p90_h, k.overdue, avg_reopen AS reopen_rate FROM (");
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Integer> w : WINDOWS.entrySet()) {
      String frame = "OVER (PARTITION BY community_id ORDER BY date ROWS BETWEEN " + (w.getValue() - 1) + " PRECEDING AND CURRENT ROW)";
      parts.add("SELECT date, community_id, '" + w.getKey() + "' AS window, overdue, sum(sla_met) " + frame + " AS sum_met,"
          + " sum(sla_due) " + frame + " AS sum_due, sum(csat * feedback_n) " + frame + " AS sum_happy,"
          + " sum(CASE WHEN csat IS NOT NULL THEN feedback_n END) " + frame + " AS sum_fb,"
          + " avg(feedback_rate) " + frame + " AS avg_feedback_rate, avg(first_response_p50_h) " + frame + " AS avg_fr,"
          + " avg(resolution_p90_h) " + frame + " AS avg_res, avg(reopen_rate) " + frame + " AS avg_reopen FROM {kpis}");
    }
    sql.append(String.join(" UNION ALL ", parts))
        .append(") k LEFT JOIN {participation} p ON p.date = k.date AND p.community_id = k.community_id")
        .append(" WHERE k.date BETWEEN ").append(r.extendBack(HistoryTargets.DAYS).a()).append(" AND ").append(r.b());
    String query = sql.toString().replace("w.window", "k.window");
    List<Row> windowValues = BoundSql.of(query).with("kpis", kpis).with("participation", participation).run()
        .collectAsList();
    HistoryTargets history = new HistoryTargets();
    for (Row row : windowValues) {
      if ("day".equals(row.getAs("window"))) {
        history.add(row.getAs("community_id"), row.<java.sql.Date>getAs("date").toLocalDate(), values(row));
      }
    }
    Map<String, Map<String, Double>> fallbacks = new HashMap<>();
    List<Row> out = new ArrayList<>();
    for (Row row : windowValues) {
      LocalDate day = row.<java.sql.Date>getAs("date").toLocalDate();
      if (day.isBefore(r.from())) {
        continue;
      }
      String community = row.getAs("community_id");
      Map<String, Double> fallback = fallbacks.computeIfAbsent(community + "|" + day, k -> history.at(community, day));
      ScoreCalculator.Score s = ScoreCalculator.score(values(row), targets, fallback);
      out.add(RowFactory.create(row.<java.sql.Date>getAs("date"), row.getAs("community_id"), row.getAs("window"),
          Double.isNaN(s.score()) ? null : s.score(), String.join(";", s.best()), String.join(";", s.worst()),
          s.basis()));
    }
    return spark.createDataFrame(out, SCHEMA);
  }

  private static Map<String, Double> values(Row row) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (String m : Targets.HIGHER_IS_BETTER.keySet()) {
      Object v = row.getAs(m);
      values.put(m, v == null ? null : ((Number) v).doubleValue());
    }
    return values;
  }
}
