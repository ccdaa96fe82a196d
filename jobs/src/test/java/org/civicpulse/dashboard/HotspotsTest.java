package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * The hot spots of 2025-12-31 from kpis_daily rows worked by hand: the last 7 days are 12-25 … 12-31, the 7 before
 * 12-18 … 12-24; a cell is ranked only with at least the minimum requests over those 14 days.
 */
class HotspotsTest {
  private final SparkSession spark = SharedSpark.get();
  private static final LocalDate D = LocalDate.parse("2025-12-31");

  private Dataset<Row> kpis() {
    return spark.sql("SELECT to_date(d) AS date, community_id, category, volume FROM VALUES"
        // C1 road: 4 against 1 (5 in all).
        + " ('2025-12-31', 'C1', 'road', 2), ('2025-12-25', 'C1', 'road', 2), ('2025-12-24', 'C1', 'road', 1),"
        // C1 noise: 18 against 15 (33).
        + " ('2025-12-30', 'C1', 'noise', 18), ('2025-12-18', 'C1', 'noise', 15),"
        // C2 road: 6 against 4 (10, the minimum itself); C2 noise: 5 against 4 (9).
        + " ('2025-12-28', 'C2', 'road', 6), ('2025-12-20', 'C2', 'road', 4),"
        + " ('2025-12-29', 'C2', 'noise', 5), ('2025-12-19', 'C2', 'noise', 4),"
        // C3 road: 12 against none; 100 on 12-17 lies before both weeks.
        + " ('2025-12-26', 'C3', 'road', 12), ('2025-12-17', 'C3', 'road', 100),"
        // Roll-ups and feedback-only rows are never cells.
        + " ('2025-12-31', 'ALL', 'road', 50), ('2025-12-31', 'C1', 'ALL', 50), ('2025-12-31', 'C1', 'UNLINKED', 20)"
        + " AS t(d, community_id, category, volume)");
  }

  private static List<String> cells(Dataset<Row> top) {
    return top.collectAsList().stream().map(r -> r.getAs("community_id") + " " + r.getAs("category") + " "
        + r.getAs("last7") + "-" + r.getAs("prev7") + "=" + r.getAs("change") + " " + r.getAs("pct") + " min "
        + r.getAs("min_requests")).toList();
  }

  @Test
  void aCellNeedsTheMinimumOverTheTwoWeeksBeforeItIsRanked() {
    assertThat(cells(Hotspots.top(kpis(), D, 10))).as("C1 road (5) and C2 noise (9) are under 10").containsExactly(
        "C3 road 12-0=12 null min 10", "C1 noise 18-15=3 0.2 min 10", "C2 road 6-4=2 0.5 min 10");
  }

  @Test
  void withAMinimumOfOneEveryRiseIsRankedLargestFirstThenById() {
    assertThat(cells(Hotspots.top(kpis(), D, 1))).containsExactly("C3 road 12-0=12 null min 1",
        "C1 noise 18-15=3 0.2 min 1", "C1 road 4-1=3 3.0 min 1", "C2 road 6-4=2 0.5 min 1", "C2 noise 5-4=1 0.25 min 1");
  }
}
