package org.civicpulse.dashboard;

import static org.civicpulse.dashboard.DashboardViews.CUBE;
import static org.civicpulse.dashboard.DashboardViews.KEYS;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** reopen rate: requests reopened that day ÷ requests closed in the previous 30 days. */
public final class ReopenMetrics {
  private ReopenMetrics() {}

  public static Dataset<Row> reopened(DashboardViews v, DateRange r) {
    return v.sql("SELECT " + KEYS + ", count(DISTINCT request_id) AS reopened FROM (SELECT to_date(event_time) AS date,"
        + " community_id, category, request_id FROM cp_events WHERE event_type = 'reopened'"
        + " AND to_date(event_time) BETWEEN " + r.a() + " AND " + r.b() + ") " + CUBE);
  }

  /** Distinct requests closed in [D−30, D−1], per day D of the range. */
  public static Dataset<Row> closedPrevious30(DashboardViews v, DateRange r) {
    return v.sql("SELECT " + KEYS + ", count(DISTINCT request_id) AS closed_prev30 FROM ("
        + " SELECT d AS date, community_id, category, request_id FROM (SELECT community_id, category, request_id,"
        + "  to_date(event_time) AS c FROM cp_events WHERE event_type = 'closed'"
        + "  AND to_date(event_time) BETWEEN date_sub(" + r.a() + ", 30) AND " + r.b() + ")"
        + " LATERAL VIEW explode(sequence(greatest(date_add(c, 1), " + r.a() + "), least(date_add(c, 30), " + r.b() + "))) t AS d"
        + " WHERE greatest(date_add(c, 1), " + r.a() + ") <= least(date_add(c, 30), " + r.b() + ")) " + CUBE);
  }
}
