package org.civicpulse.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.civicpulse.dashboard.DateRange;

/**
 * The dashboard's metric families as DuckDB SQL, statement for statement the same definitions as civicpulse's
 * dashboard package (docs/metrics.md), each with its CUBE roll-ups to ALL. Dates are local dates in
 * the session's TimeZone: {@code CAST(instant AS DATE)} is DuckDB's {@code to_date}, {@code CAST(date AS
 * TIMESTAMPTZ)} is local midnight, like Spark's {@code to_timestamp(date)}.
 */
public final class DuckMarts {
  private static final String KEYS = "date, coalesce(community_id, 'ALL') AS community_id, coalesce(category, 'ALL') AS category";
  private static final String CUBE = " GROUP BY date, CUBE(community_id, category)";

  private DuckMarts() {}

  /** Family name → its statement; every statement returns date, community_id, category and the family's columns. */
  public static Map<String, String> families(DateRange r) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("volume", volume(r));
    m.put("backlog", backlog(r));
    m.put("first_response", hours(r, "acknowledged", "first_response"));
    m.put("resolution", hours(r, "closed", "resolution"));
    m.put("sla", sla(r));
    m.put("satisfaction", ratings(r));
    m.put("feedback_rate", feedbackRate(r));
    return m;
  }

  static String volume(DateRange r) {
    return "SELECT " + KEYS + ", count(*) AS volume FROM (SELECT CAST(event_time AS DATE) AS date, community_id, category"
        + " FROM cp_events WHERE event_type = 'created' AND CAST(event_time AS DATE) BETWEEN " + lit(r) + ")" + CUBE;
  }

  /**
   * Open intervals from each created/reopened event to the next closing event (openings first at equal
   * instants), one row per day a request is open at the day's end, then the counts and aging buckets.
   */
  static String backlog(DateRange r) {
    String a = "DATE '" + r.from() + "'";
    String b = "DATE '" + r.to() + "'";
    return "WITH intervals AS (SELECT request_id, community_id, category, created_at, due_at, event_time AS open_at,"
        + "  next_close AS close_at FROM (SELECT *, min(CASE WHEN event_type IN ('closed', 'rejected', 'duplicate') THEN event_time END)"
        + "   OVER (PARTITION BY request_id ORDER BY event_time,"
        + "         CASE event_type WHEN 'created' THEN 0 WHEN 'reopened' THEN 1 ELSE 2 END"
        + "         ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_close"
        + "  FROM cp_events WHERE event_type IN ('created', 'reopened', 'closed', 'rejected', 'duplicate'))"
        + "  WHERE event_type IN ('created', 'reopened')),"
        + " spans AS (SELECT *, greatest(CAST(open_at AS DATE), " + a + ") AS first_day,"
        + "  least(coalesce(CAST(close_at - INTERVAL 1 MICROSECOND AS DATE) - 1, " + b + "), " + b + ") AS last_day FROM intervals),"
        + " open_days AS (SELECT CAST(unnest(generate_series(first_day, last_day, INTERVAL 1 DAY)) AS DATE) AS date,"
        + "  community_id, category, created_at, due_at FROM spans WHERE first_day <= last_day),"
        + " aged AS (SELECT *, (epoch_us(CAST(date + 1 AS TIMESTAMPTZ)) - epoch_us(created_at)) / 86400000000.0::DOUBLE AS age_days,"
        + "  due_at IS NOT NULL AND due_at < CAST(date + 1 AS TIMESTAMPTZ) AS is_overdue FROM open_days)"
        + " SELECT " + KEYS + ", count(*) AS backlog,"
        + " sum(CASE WHEN age_days < 1 THEN 1 ELSE 0 END) AS backlog_0_1d,"
        + " sum(CASE WHEN age_days >= 1 AND age_days < 3 THEN 1 ELSE 0 END) AS backlog_1_3d,"
        + " sum(CASE WHEN age_days >= 3 AND age_days < 7 THEN 1 ELSE 0 END) AS backlog_3_7d,"
        + " sum(CASE WHEN age_days >= 7 AND age_days < 30 THEN 1 ELSE 0 END) AS backlog_7_30d,"
        + " sum(CASE WHEN age_days >= 30 THEN 1 ELSE 0 END) AS backlog_30d_plus,"
        + " sum(CASE WHEN is_overdue THEN 1 ELSE 0 END) AS overdue FROM aged" + CUBE;
  }

  /** Exact percentiles by linear interpolation: DuckDB's quantile_cont is Spark's percentile(). */
  static String hours(DateRange r, String eventType, String name) {
    return "SELECT " + KEYS + ", quantile_cont(h, 0.5) AS " + name + "_p50_h, quantile_cont(h, 0.9) AS " + name + "_p90_h"
        + " FROM (SELECT CAST(event_time AS DATE) AS date, community_id, category,"
        + "  (epoch_us(event_time) - epoch_us(created_at)) / 3600000000.0::DOUBLE AS h FROM cp_events"
        + "  WHERE event_type = '" + eventType + "' AND CAST(event_time AS DATE) BETWEEN " + lit(r) + ")" + CUBE;
  }

  static String sla(DateRange r) {
    return "SELECT " + KEYS + ", count(*) AS sla_due, sum(CASE WHEN first_close <= due_at THEN 1 ELSE 0 END) AS sla_met"
        + " FROM (SELECT CAST(c.due_at AS DATE) AS date, c.community_id, c.category, c.due_at, fc.first_close"
        + "  FROM (SELECT request_id, community_id, category, due_at FROM cp_events WHERE event_type = 'created'"
        + "        AND CAST(due_at AS DATE) BETWEEN " + lit(r) + ") c"
        + "  LEFT JOIN (SELECT request_id, min(event_time) AS first_close FROM cp_events WHERE event_type = 'closed'"
        + "             GROUP BY request_id) fc ON c.request_id = fc.request_id"
        + "  ANTI JOIN (SELECT DISTINCT request_id FROM cp_events WHERE event_type IN ('rejected', 'duplicate')) x"
        + "  ON c.request_id = x.request_id)" + CUBE;
  }

  /** Category from the request's current state; feedback without a known request counts as UNLINKED. */
  static String ratings(DateRange r) {
    return "SELECT " + KEYS + ", count(*) AS feedback_n, avg(rating) AS rating_mean,"
        + " avg(CASE WHEN rating >= 4 THEN 1.0::DOUBLE ELSE 0.0::DOUBLE END) AS csat"
        + " FROM (SELECT CAST(f.submitted_at AS DATE) AS date, f.community_id, coalesce(q.category, 'UNLINKED') AS category,"
        + "  f.rating FROM cp_feedback f LEFT JOIN cp_requests q ON f.request_id = q.request_id"
        + "  WHERE CAST(f.submitted_at AS DATE) BETWEEN " + lit(r) + ")" + CUBE;
  }

  static String feedbackRate(DateRange r) {
    return "SELECT " + KEYS + ", CAST(count(DISTINCT CASE WHEN has_feedback THEN request_id END) AS DOUBLE)"
        + " / count(DISTINCT request_id) AS feedback_rate"
        + " FROM (SELECT CAST(e.event_time AS DATE) AS date, e.community_id, e.category, e.request_id,"
        + "  fb.request_id IS NOT NULL AS has_feedback FROM cp_events e"
        + "  LEFT JOIN (SELECT DISTINCT request_id FROM cp_feedback WHERE request_id IS NOT NULL) fb ON e.request_id = fb.request_id"
        + "  WHERE e.event_type = 'closed' AND CAST(e.event_time AS DATE) BETWEEN " + lit(r) + ")" + CUBE;
  }

  private static String lit(DateRange r) {
    return "DATE '" + r.from() + "' AND DATE '" + r.to() + "'";
  }
}
