package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** first response and resolution with their roll-ups, worked by hand on four requests. */
class TimingMetricsTest {
  private final SparkSession spark = SharedSpark.get();

  @Test
  void eachCellRanksTheHoursOfItsOwnEventsOfOneType() {
    // R1 roads: created 08:00, acknowledged after 1 h, closed after 4 h. R2 roads: created 10:00, acknowledged
    // after 3 h. R3 water: created the day before, closed after 10 h. R4 water in C02: created only. All on
    // 2025-03-01 but R3's creation; a reopening counts in neither.
    Dataset<Row> events = spark.sql("SELECT request_id, event_type, CAST(event_time AS TIMESTAMP) AS event_time,"
        + " community_id, category, CAST(created_at AS TIMESTAMP) AS created_at FROM VALUES"
        + " ('R1', 'created', '2025-03-01 08:00:00', 'C01', 'roads', '2025-03-01 08:00:00'),"
        + " ('R1', 'acknowledged', '2025-03-01 09:00:00', 'C01', 'roads', '2025-03-01 08:00:00'),"
        + " ('R1', 'closed', '2025-03-01 12:00:00', 'C01', 'roads', '2025-03-01 08:00:00'),"
        + " ('R1', 'reopened', '2025-03-01 13:00:00', 'C01', 'roads', '2025-03-01 08:00:00'),"
        + " ('R2', 'created', '2025-03-01 10:00:00', 'C01', 'roads', '2025-03-01 10:00:00'),"
        + " ('R2', 'acknowledged', '2025-03-01 13:00:00', 'C01', 'roads', '2025-03-01 10:00:00'),"
        + " ('R3', 'created', '2025-02-28 20:00:00', 'C01', 'water', '2025-02-28 20:00:00'),"
        + " ('R3', 'closed', '2025-03-01 06:00:00', 'C01', 'water', '2025-02-28 20:00:00'),"
        + " ('R4', 'created', '2025-03-01 09:00:00', 'C02', 'water', '2025-03-01 09:00:00')"
        + " AS t(request_id, event_type, event_time, community_id, category, created_at)");
    LocalDate day = LocalDate.parse("2025-03-01");
    DateRange r = new DateRange(day, day);

    // p50 of {1, 3} = 2, p90 = 0.1 × 1 + 0.9 × 3 = 2.8 (2.8000000000000003 in doubles).
    assertThat(rows(TimingMetrics.firstResponse(events, r))).as("first response: the cells with an acknowledgement")
        .containsExactly(
            "[2025-03-01,ALL,ALL,2.0,2.8000000000000003]",
            "[2025-03-01,ALL,roads,2.0,2.8000000000000003]",
            "[2025-03-01,C01,ALL,2.0,2.8000000000000003]",
            "[2025-03-01,C01,roads,2.0,2.8000000000000003]");
    // Of {4, 10}: p50 = 7, p90 = 0.1 × 4 + 0.9 × 10 = 9.4; R3 counts on the day it closed, though created before.
    assertThat(rows(TimingMetrics.resolution(events, r))).as("resolution: the cells with a close").containsExactly(
        "[2025-03-01,ALL,ALL,7.0,9.4]",
        "[2025-03-01,ALL,roads,4.0,4.0]",
        "[2025-03-01,ALL,water,10.0,10.0]",
        "[2025-03-01,C01,ALL,7.0,9.4]",
        "[2025-03-01,C01,roads,4.0,4.0]",
        "[2025-03-01,C01,water,10.0,10.0]");
  }

  private static List<String> rows(Dataset<Row> cells) {
    return cells.orderBy("community_id", "category").collectAsList().stream().map(Row::toString).toList();
  }
}
