package org.civicpulse.dashboard;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The provider view: per provider type, provider and category over the 30 days ending at D — requests
 * handled (created), closed, resolution p50/p90, SLA compliance and CSAT of their feedback.
 */
public final class ProviderMetrics {
  public static final int WINDOW_DAYS = 30;

  private ProviderMetrics() {}

  /** @param feedbackByRequest request_id → n, happy over all feedback (DashboardInputs) */
  public static Dataset<Row> providers(Dataset<Row> requests, Dataset<Row> feedbackByRequest, java.time.LocalDate d) {
    String from = "DATE'" + d.minusDays(WINDOW_DAYS - 1) + "'";
    String to = "DATE'" + d + "'";
    // Both resolution percentiles from one aggregate, as in TimingMetrics: the values are gathered once.
    return BoundSql.of("SELECT date, provider_type, provider_id, category, volume, closed,"
        + " p[0] AS resolution_p50_h, p[1] AS resolution_p90_h, sla_due, sla_met, feedback_n, csat FROM ("
        + "SELECT DATE'" + d + "' AS date, coalesce(q.provider_type, 'unassigned') AS provider_type,"
        + " coalesce(q.provider_id, 'unassigned') AS provider_id, q.category,"
        + " count(*) AS volume, sum(CASE WHEN q.closed_at IS NOT NULL AND q.status = 'closed' THEN 1 ELSE 0 END) AS closed,"
        + " percentile(CASE WHEN q.status = 'closed' THEN (unix_micros(q.closed_at) - unix_micros(q.created_at)) / 3600000000D END,"
        + "   array(0.5, 0.9)) AS p,"
        + " sum(CASE WHEN q.status NOT IN ('rejected', 'duplicate') THEN 1 ELSE 0 END) AS sla_due,"
        + " sum(CASE WHEN q.status = 'closed' AND q.closed_at <= q.due_at THEN 1 ELSE 0 END) AS sla_met,"
        + " sum(f.n) AS feedback_n, sum(f.happy) / sum(f.n) AS csat"
        + " FROM {requests} q LEFT JOIN {feedback_by_request} f ON q.request_id = f.request_id"
        + " WHERE to_date(q.created_at) BETWEEN " + from + " AND " + to
        + " GROUP BY 2, 3, 4)").with("requests", requests).with("feedback_by_request", feedbackByRequest).run()
        .withColumn("sla_compliance", org.apache.spark.sql.functions.expr("CASE WHEN sla_due > 0 THEN sla_met / sla_due END"));
  }
}
