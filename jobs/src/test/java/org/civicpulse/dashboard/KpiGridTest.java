package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** The families laid on the grid as left joins on (date, community, category) would lay them, worked by hand. */
class KpiGridTest {
  private final SparkSession spark = SharedSpark.get();

  @Test
  void eachGridCellGetsItsFamiliesValuesAndNothingElse() {
    Dataset<Row> grid = spark.sql("SELECT DATE'2025-03-01' AS date, community_id, category FROM VALUES"
        + " ('C01', 'ALL'), ('C01', 'roads'), ('ALL', 'ALL') AS t(community_id, category)");
    // volume: two cells of the grid, and one of a community the grid does not hold (dropped, as a left join drops it).
    Dataset<Row> volume = spark.sql("SELECT DATE'2025-03-01' AS date, community_id, category, volume FROM VALUES"
        + " ('C01', 'ALL', 5L), ('ALL', 'ALL', 7L), ('C99', 'ALL', 2L) AS t(community_id, category, volume)");
    // timing: two columns, one cell; a cell the family has no row for stays empty in both.
    Dataset<Row> timing = spark.sql("SELECT DATE'2025-03-01' AS date, 'C01' AS community_id, 'roads' AS category,"
        + " 1.5D AS resolution_p50_h, CAST(NULL AS DOUBLE) AS resolution_p90_h");
    // anomaly: another day is outside the grid.
    Dataset<Row> anomaly = spark.sql("SELECT date, 'ALL' AS community_id, 'ALL' AS category, true AS anomaly_flag FROM VALUES"
        + " (DATE'2025-03-01'), (DATE'2025-03-02') AS t(date)");

    for (boolean apart : new boolean[] {false, true}) {
      Dataset<Row> laid = KpiTable.onGrid(grid, List.of(volume, timing, anomaly), apart);

      assertThat(laid.columns()).as("keys, then each family's columns in order (apart=%s)", apart).containsExactly(
          "date", "community_id", "category", "volume", "resolution_p50_h", "resolution_p90_h", "anomaly_flag");
      assertThat(laid.orderBy("community_id", "category").collectAsList().stream().map(Row::toString).toList())
          .as("one row per grid cell (apart=%s)", apart).containsExactly(
              "[2025-03-01,ALL,ALL,7,null,null,true]",
              "[2025-03-01,C01,ALL,5,null,null,null]",
              "[2025-03-01,C01,roads,null,1.5,null,null]");
    }
  }
}
