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
    return BoundSql.of("SELECT " + KEYS + ", percentile(h, 0.5) AS " + name + "_p50_h, percentile(h, 0.9) AS " + name + "_p90_h"
        + " FROM (SELECT to_date(event_time) AS date, community_id, category,"
        + "  (unix_micros(event_time) - unix_micros(created_at)) / 3600000000D AS h FROM {events}"
        + "  WHERE event_type = '" + eventType + "' AND to_date(event_time) BETWEEN " + r.a() + " AND " + r.b() + ") "
        + CUBE).with("events", events).run();
  }
}
