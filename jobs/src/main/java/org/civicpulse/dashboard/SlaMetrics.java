package org.civicpulse.dashboard;

import static org.civicpulse.dashboard.Rollup.CUBE;
import static org.civicpulse.dashboard.Rollup.KEYS;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * SLA: of requests (not rejected/duplicate) whose due time falls on day D, those first closed at or before
 * it are met; compliance = met ÷ due. Due times were fixed at ingest; open at due = breach.
 */
public final class SlaMetrics {
  private SlaMetrics() {}

  public static Dataset<Row> sla(Dataset<Row> events, DateRange r) {
    return BoundSql.of("SELECT " + KEYS + ", count(*) AS sla_due, sum(CASE WHEN first_close <= due_at THEN 1 ELSE 0 END) AS sla_met"
        + " FROM (SELECT to_date(c.due_at) AS date, c.community_id, c.category, c.due_at, fc.first_close"
        + "  FROM (SELECT request_id, community_id, category, due_at FROM {events} WHERE event_type = 'created'"
        + "        AND to_date(due_at) BETWEEN " + r.a() + " AND " + r.b() + ") c"
        + "  LEFT JOIN (SELECT request_id, min(event_time) AS first_close FROM {events} WHERE event_type = 'closed'"
        + "             GROUP BY request_id) fc ON c.request_id = fc.request_id"
        + "  LEFT ANTI JOIN (SELECT DISTINCT request_id FROM {events} WHERE event_type IN ('rejected', 'duplicate')) x"
        + "  ON c.request_id = x.request_id) "
        + CUBE).with("events", events).run();
  }
}
