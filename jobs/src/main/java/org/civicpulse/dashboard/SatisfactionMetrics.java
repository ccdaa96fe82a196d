package org.civicpulse.dashboard;

import static org.civicpulse.dashboard.DashboardViews.CUBE;
import static org.civicpulse.dashboard.DashboardViews.KEYS;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * satisfaction: feedback submitted that day, category from the linked request (UNLINKED when there is none);
 * rating_mean, csat (share of ratings ≥ 4); feedback_rate = distinct requests closed that day that have
 * feedback (submitted so far) ÷ requests closed that day.
 */
public final class SatisfactionMetrics {
  public static final String UNLINKED = "UNLINKED";

  private SatisfactionMetrics() {}

  public static Dataset<Row> ratings(DashboardViews v, DateRange r) {
    return v.sql("SELECT " + KEYS + ", count(*) AS feedback_n, avg(rating) AS rating_mean,"
        + " avg(CASE WHEN rating >= 4 THEN 1D ELSE 0D END) AS csat"
        + " FROM (SELECT to_date(f.submitted_at) AS date, f.community_id, coalesce(q.category, '" + UNLINKED + "') AS category,"
        + "  f.rating FROM cp_feedback f LEFT JOIN cp_request_categories q ON f.request_id = q.request_id"
        + "  WHERE to_date(f.submitted_at) BETWEEN " + r.a() + " AND " + r.b() + ") "
        + CUBE);
  }

  public static Dataset<Row> feedbackRate(DashboardViews v, DateRange r) {
    return v.sql("SELECT " + KEYS + ", count(DISTINCT request_id) AS closed_n,"
        + " count(DISTINCT CASE WHEN has_feedback THEN request_id END) / count(DISTINCT request_id) AS feedback_rate"
        + " FROM (SELECT to_date(e.event_time) AS date, e.community_id, e.category, e.request_id,"
        + "  fb.request_id IS NOT NULL AS has_feedback FROM cp_events e"
        + "  LEFT JOIN cp_feedback_by_request fb ON e.request_id = fb.request_id"
        + "  WHERE e.event_type = 'closed' AND to_date(e.event_time) BETWEEN " + r.a() + " AND " + r.b() + ") "
        + CUBE);
  }
}
