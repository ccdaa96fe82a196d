package org.civicpulse.dashboard;

import static org.apache.spark.sql.functions.expr;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The curated inputs of the dashboard. Each metric family is a function of the ones it needs, handed to it as
 * arguments: events (request_events), requests, feedback (the rows the ratings need: at least those submitted
 * in the range), participation, communities, categories, requestCategories (request_id → category of at least
 * every request those ratings link to) and feedbackByRequest (request_id → feedback count {@code n} and ratings
 * ≥ 4 {@code happy}, over all feedback in the lake: "has feedback" is not bounded in time).
 */
public record DashboardInputs(SparkSession spark, Dataset<Row> events, Dataset<Row> requests, Dataset<Row> feedback,
    Dataset<Row> participation, Dataset<Row> communities, Dataset<Row> categories, Dataset<Row> requestCategories,
    Dataset<Row> feedbackByRequest) {

  /**
   * The columns of request_events the families read. The dashboard holds only these in memory: reading and
   * caching the event ids, statuses, the record's other timestamps, priority and source as well took twice the
   * CPU (three years of events at 1m requests: 21.5 against 11.3 s, docs/performance.md).
   */
  public static final String[] EVENT_COLUMNS = {"request_id", "event_type", "event_time", "community_id", "category",
      "channel", "created_at", "due_at", "provider_id", "provider_type"};

  /** Per-request feedback derived from {@code feedback} itself (it then holds all of the lake's feedback). */
  public DashboardInputs(SparkSession spark, Dataset<Row> events, Dataset<Row> requests, Dataset<Row> feedback,
      Dataset<Row> participation, Dataset<Row> communities, Dataset<Row> categories, Dataset<Row> requestCategories) {
    this(spark, events, requests, feedback, participation, communities, categories, requestCategories,
        feedbackByRequest(feedback));
  }

  /** Without a separate lookup: the category of a linked request comes from {@code requests} itself. */
  public DashboardInputs(SparkSession spark, Dataset<Row> events, Dataset<Row> requests, Dataset<Row> feedback,
      Dataset<Row> participation, Dataset<Row> communities, Dataset<Row> categories) {
    this(spark, events, requests, feedback, participation, communities, categories, requests.select("request_id", "category"));
  }

  /** request_id → n (feedback rows) and happy (ratings ≥ 4), for linked feedback; reads two columns. */
  public static Dataset<Row> feedbackByRequest(Dataset<Row> feedback) {
    return feedback.filter("request_id IS NOT NULL").groupBy("request_id")
        .agg(expr("count(*) AS n"), expr("sum(CASE WHEN rating >= 4 THEN 1 ELSE 0 END) AS happy"));
  }

  /** The dense grid of these communities and categories. */
  public CellGrid grid() {
    return new CellGrid(communities, categories);
  }
}
