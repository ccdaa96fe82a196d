package org.civicpulse.dashboard;

import static org.civicpulse.dashboard.Rollup.CUBE;
import static org.civicpulse.dashboard.Rollup.KEYS;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * first response (acknowledged − created, over requests acknowledged that day) and resolution (closed −
 * created, over requests closed that day): exact median and p90 in hours (linear interpolation).
 */
public final class TimingMetrics {
  private TimingMetrics() {}

  public static Dataset<Row> firstResponse(Dataset<Row> events, DateRange r) {
    return hours(events, r, "acknowledged", "first_response");
  }

  public static Dataset<Row> resolution(Dataset<Row> events, DateRange r) {
    return hours(events, r, "closed", "resolution");
  }

  private static Dataset<Row> hours(Dataset<Row> events, DateRange r, String eventType, String name) {
    // One percentile aggregate with both fractions: it gathers each cell's values once, where two aggregates
    // gathered them twice; the fractions are computed from the same counts the same way.
    return BoundSql.of("SELECT date, community_id, category, p[0] AS " + name + "_p50_h, p[1] AS " + name + "_p90_h FROM ("
        + "SELECT " + KEYS + ", percentile(h, array(0.5, 0.9)) AS p"
        + " FROM (SELECT to_date(event_time) AS date, community_id, category,"
        + "  (unix_micros(event_time) - unix_micros(created_at)) / 3600000000D AS h FROM {events}"
        + "  WHERE event_type = '" + eventType + "' AND to_date(event_time) BETWEEN " + r.a() + " AND " + r.b() + ") "
        + CUBE + ")").with("events", events).run();
  }
}
