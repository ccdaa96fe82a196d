package org.civicpulse.dashboard;

import static org.civicpulse.dashboard.Rollup.CUBE;
import static org.civicpulse.dashboard.Rollup.KEYS;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** volume: requests created that day, whatever their status; also by channel and by provider type. */
public final class VolumeMetrics {
  private VolumeMetrics() {}

  public static Dataset<Row> volume(Dataset<Row> events, DateRange r) {
    return BoundSql.of("SELECT " + KEYS + ", count(*) AS volume FROM (SELECT to_date(event_time) AS date, community_id, category"
        + " FROM {events} WHERE event_type = 'created' AND to_date(event_time) BETWEEN " + r.a() + " AND " + r.b()
        + ") " + CUBE).with("events", events).run();
  }

  public static Dataset<Row> byChannel(Dataset<Row> events, DateRange r) {
    return BoundSql.of("SELECT date, coalesce(community_id, 'ALL') AS community_id, channel, count(*) AS volume FROM ("
        + "SELECT to_date(event_time) AS date, community_id, coalesce(channel, 'other') AS channel FROM {events}"
        + " WHERE event_type = 'created' AND to_date(event_time) BETWEEN " + r.a() + " AND " + r.b()
        + ") GROUP BY date, channel, ROLLUP(community_id)").with("events", events).run();
  }
}
