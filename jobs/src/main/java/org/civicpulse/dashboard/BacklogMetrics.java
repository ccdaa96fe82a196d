package org.civicpulse.dashboard;

import static org.civicpulse.dashboard.DashboardViews.CUBE;
import static org.civicpulse.dashboard.DashboardViews.KEYS;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * backlog at end of day D (requests created before D+1 00:00 and not closed, rejected or duplicate at that
 * instant, from the event history), its aging buckets, and overdue (open past the due time at end of D).
 */
public final class BacklogMetrics {
  private BacklogMetrics() {}

  /**
   * Open intervals: from each created/reopened event to the next closed/rejected/duplicate event. Events at
   * the same instant sort opening first, so a request created and closed in the same second is never open.
   */
  static Dataset<Row> intervals(DashboardViews v) {
    return v.sql("""
        SELECT request_id, community_id, category, created_at, due_at, provider_id, provider_type,
               event_time AS open_at, next_close AS close_at
        FROM (
          SELECT *, min(CASE WHEN event_type IN ('closed', 'rejected', 'duplicate') THEN event_time END)
                    OVER (PARTITION BY request_id ORDER BY event_time,
                          CASE event_type WHEN 'created' THEN 0 WHEN 'reopened' THEN 1 ELSE 2 END
                          ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_close
          FROM cp_events WHERE event_type IN ('created', 'reopened', 'closed', 'rejected', 'duplicate'))
        WHERE event_type IN ('created', 'reopened')""");
  }

  /** One row per request and day it is open at the day's end, with its age and whether it is overdue. */
  public static Dataset<Row> openDays(DashboardViews v, DateRange r) {
    intervals(v).createOrReplaceTempView("cp_intervals");
    // Open at end of D ⟺ date(open_at) ≤ D and close_at > D+1 00:00 ⟺ D ≤ date(close_at − 1 µs) − 1.
    return v.sql("SELECT d AS date, request_id, community_id, category, created_at, due_at, provider_id, provider_type,"
        + " (unix_micros(to_timestamp(date_add(d, 1))) - unix_micros(created_at)) / 86400000000D AS age_days,"
        + " due_at IS NOT NULL AND due_at < to_timestamp(date_add(d, 1)) AS is_overdue,"
        + " (unix_micros(to_timestamp(date_add(d, 1))) - unix_micros(due_at)) / 3600000000D AS hours_overdue"
        + " FROM (SELECT *, greatest(to_date(open_at), " + r.a() + ") AS first_day,"
        + "   least(coalesce(date_sub(to_date(close_at - INTERVAL 1 MICROSECOND), 1), " + r.b() + "), " + r.b() + ") AS last_day"
        + "   FROM cp_intervals)"
        + " LATERAL VIEW explode(sequence(first_day, last_day)) t AS d WHERE first_day <= last_day");
  }

  public static Dataset<Row> backlog(Dataset<Row> openDays) {
    openDays.createOrReplaceTempView("cp_open_days");
    return openDays.sparkSession().sql("SELECT " + KEYS + ", count(*) AS backlog,"
        + " sum(CASE WHEN age_days < 1 THEN 1 ELSE 0 END) AS backlog_0_1d,"
        + " sum(CASE WHEN age_days >= 1 AND age_days < 3 THEN 1 ELSE 0 END) AS backlog_1_3d,"
        + " sum(CASE WHEN age_days >= 3 AND age_days < 7 THEN 1 ELSE 0 END) AS backlog_3_7d,"
        + " sum(CASE WHEN age_days >= 7 AND age_days < 30 THEN 1 ELSE 0 END) AS backlog_7_30d,"
        + " sum(CASE WHEN age_days >= 30 THEN 1 ELSE 0 END) AS backlog_30d_plus,"
        + " sum(CASE WHEN is_overdue THEN 1 ELSE 0 END) AS overdue"
        + " FROM cp_open_days " + CUBE);
  }
}
