package org.civicpulse.dashboard;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.civicpulse.schema.Schemas;

/**
 * Condenses the request history before an instant W (00:00 of a local date) into the few events every
 * daily metric still needs from it, so a run can read only the months after W.
 *
 * <p>From W on, the metrics need, of each older request, only: its created event (volume history and the SLA
 * due time), its first close and its first rejection or duplicate (SLA met and excluded) — all three only
 * while its due time is at or after W, since SLA counts a request on its due day — and, if it is open at W,
 * the opening event of that open spell (backlog, aging, overdue and the worklist). A request closed before W
 * and due before W can no longer change any day from W on, so it is left out. The
 * summary keeps the original event rows, so the metric code reads it exactly like request_events, and it is
 * closed under repetition: summarising a summary plus the next month's events gives exactly the summary of
 * the whole history up to the later instant.
 */
public final class RequestHistorySummary {
  /** The event types that open or end a request's open spell. */
  static final String LIFECYCLE = "('created', 'reopened', 'closed', 'rejected', 'duplicate')";

  private RequestHistorySummary() {}

  /** @param events request_events rows (any time; rows at or after W are ignored) */
  public static Dataset<Row> before(Dataset<Row> events, LocalDate w) {
    String at = "to_timestamp(DATE'" + w + "')";
    // Ties at one instant order opening events first, as Backlog.spells does, so "last" agrees with it.
    Dataset<Row> kept = BoundSql.of("""
        WITH lc AS (
          SELECT *, CASE event_type WHEN 'created' THEN 0 WHEN 'reopened' THEN 1 ELSE 2 END AS cp_ord,
                 CASE WHEN event_type IN ('rejected', 'duplicate') THEN 'dropped' ELSE event_type END AS cp_class
          FROM {events} WHERE event_type IN %s AND event_time < %s),
        ranked AS (
          SELECT *,
                 row_number() OVER (PARTITION BY request_id, cp_class ORDER BY event_time, cp_ord, event_id) AS cp_first,
                 row_number() OVER (PARTITION BY request_id ORDER BY event_time DESC, cp_ord DESC, event_id DESC) AS cp_last
          FROM lc),
        req AS (
          SELECT request_id AS cp_request,
                 max(CASE WHEN cp_last = 1 AND cp_class IN ('created', 'reopened') THEN 1 ELSE 0 END) = 1 AS cp_open,
                 max(CASE WHEN cp_class = 'created' AND cp_first = 1 THEN due_at END) AS cp_due
          FROM ranked GROUP BY request_id)
        SELECT ranked.* FROM ranked JOIN req ON ranked.request_id = req.cp_request
        WHERE (cp_class IN ('created', 'closed', 'dropped') AND cp_first = 1 AND req.cp_due >= %s)
           OR (cp_last = 1 AND req.cp_open)
        """.formatted(LIFECYCLE, at, at)).with("events", events).run();
    return kept.selectExpr(Schemas.get(Schemas.REQUEST_EVENTS).sparkSchema().fieldNames());
  }
}
