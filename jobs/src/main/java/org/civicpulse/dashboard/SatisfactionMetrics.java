package org.civicpulse.dashboard;

import static org.civicpulse.dashboard.Rollup.CUBE;
import static org.civicpulse.dashboard.Rollup.KEYS;

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

  /** @param requestCategories request_id → category of at least every request the ratings link to */
  public static Dataset<Row> ratings(Dataset<Row> feedback, Dataset<Row> requestCategories, DateRange r) {
    return BoundSql.of("SELECT " + KEYS + ", count(*) AS feedback_n, avg(rating) AS rating_mean,"
        + " avg(CASE WHEN rating >= 4 THEN 1D ELSE 0D END) AS csat"
        + " FROM (SELECT to_date(f.submitted_at) AS date, f.community_id, coalesce(q.category, '" + UNLINKED + "') AS category,"
        + "  f.rating FROM {feedback} f LEFT JOIN {request_categories} q ON f.request_id = q.request_id"
        + "  WHERE to_date(f.submitted_at) BETWEEN " + r.a() + " AND " + r.b() + ") "
        + CUBE).with("feedback", feedback).with("request_categories", requestCategories).run();
  }

  /** @param feedbackByRequest the ids of requests that have feedback (any time), in column request_id */
  public static Dataset<Row> feedbackRate(Dataset<Row> events, Dataset<Row> feedbackByRequest, DateRange r) {
    // Distinct requests per cell: has_feedback is a function of request_id, so one DISTINCT over the exploded
    // cells gives both counts (two count(DISTINCT …) under a CUBE expanded the rows twice more).
    return BoundSql.of("SELECT date, community_id, category, count(*) AS closed_n,"
        + " count(CASE WHEN has_feedback THEN 1 END) / count(*) AS feedback_rate FROM ("
        + " SELECT DISTINCT date, k.community AS community_id, k.cat AS category, request_id, has_feedback FROM ("
        + "  SELECT to_date(e.event_time) AS date, e.community_id, e.category, e.request_id,"
        + "  fb.request_id IS NOT NULL AS has_feedback FROM {events} e"
        + "  LEFT JOIN {feedback_by_request} fb ON e.request_id = fb.request_id"
        + "  WHERE e.event_type = 'closed' AND to_date(e.event_time) BETWEEN " + r.a() + " AND " + r.b() + ")"
        + Rollup.EXPLODED_SETS + ") GROUP BY date, community_id, category")
        .with("events", events).with("feedback_by_request", feedbackByRequest).run();
  }
}
