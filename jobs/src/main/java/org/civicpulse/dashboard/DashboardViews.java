package org.civicpulse.dashboard;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The curated inputs of the dashboard, registered as temporary views so each metric family is one readable
 * SQL statement. Views: cp_events, cp_requests, cp_feedback (the rows the ratings need: at least those submitted
 * in the range), cp_participation, cp_communities, cp_categories, cp_request_categories (request_id → category
 * of at least every request those ratings link to) and cp_feedback_by_request (request_id → feedback count
 * {@code n} and ratings ≥ 4 {@code happy}, over all feedback in the lake: "has feedback" is not bounded in time).
 */
public record DashboardViews(SparkSession spark, Dataset<Row> events, Dataset<Row> requests, Dataset<Row> feedback,
    Dataset<Row> participation, Dataset<Row> communities, Dataset<Row> categories, Dataset<Row> requestCategories,
    Dataset<Row> feedbackByRequest) {

  /** Per-request feedback derived from {@code feedback} itself (it then holds all of the lake's feedback). */
  public DashboardViews(SparkSession spark, Dataset<Row> events, Dataset<Row> requests, Dataset<Row> feedback,
      Dataset<Row> participation, Dataset<Row> communities, Dataset<Row> categories, Dataset<Row> requestCategories) {
    this(spark, events, requests, feedback, participation, communities, categories, requestCategories,
        feedbackByRequest(feedback));
  }

  /** Without a separate lookup: the category of a linked request comes from {@code requests} itself. */
  public DashboardViews(SparkSession spark, Dataset<Row> events, Dataset<Row> requests, Dataset<Row> feedback,
      Dataset<Row> participation, Dataset<Row> communities, Dataset<Row> categories) {
    this(spark, events, requests, feedback, participation, communities, categories, requests.select("request_id", "category"));
  }

  /** request_id → n (feedback rows) and happy (ratings ≥ 4), for linked feedback; reads two columns. */
  public static Dataset<Row> feedbackByRequest(Dataset<Row> feedback) {
    return feedback.filter("request_id IS NOT NULL").groupBy("request_id")
        .agg(org.apache.spark.sql.functions.expr("count(*) AS n"),
            org.apache.spark.sql.functions.expr("sum(CASE WHEN rating >= 4 THEN 1 ELSE 0 END) AS happy"));
  }

  public DashboardViews register() {
    events.createOrReplaceTempView("cp_events");
    requests.createOrReplaceTempView("cp_requests");
    feedback.createOrReplaceTempView("cp_feedback");
    participation.createOrReplaceTempView("cp_participation");
    communities.createOrReplaceTempView("cp_communities");
    categories.createOrReplaceTempView("cp_categories");
    requestCategories.createOrReplaceTempView("cp_request_categories");
    feedbackByRequest.createOrReplaceTempView("cp_feedback_by_request");
    return this;
  }

  public Dataset<Row> sql(String sql) {
    return spark.sql(sql);
  }

  /** Roll-up labels: a null produced by CUBE means "all". */
  static String all(String column) {
    return "coalesce(" + column + ", 'ALL') AS " + column;
  }

  /** GROUP BY date with community × category and their ALL roll-ups. */
  static final String CUBE = "GROUP BY date, CUBE(community_id, category)";
  static final String KEYS = "date, " + all("community_id") + ", " + all("category");
}
