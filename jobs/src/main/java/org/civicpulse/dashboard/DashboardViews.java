package org.civicpulse.dashboard;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The curated inputs of the dashboard, registered as temporary views so each metric family is one readable
 * SQL statement. Views: cp_events, cp_requests, cp_feedback, cp_participation, cp_communities, cp_categories,
 * cp_request_categories (request_id → category over all requests, for feedback).
 */
public record DashboardViews(SparkSession spark, Dataset<Row> events, Dataset<Row> requests, Dataset<Row> feedback,
    Dataset<Row> participation, Dataset<Row> communities, Dataset<Row> categories, Dataset<Row> requestCategories) {

  /** Without a separate lookup: the category of a linked request comes from {@code requests} itself. */
  public DashboardViews(SparkSession spark, Dataset<Row> events, Dataset<Row> requests, Dataset<Row> feedback,
      Dataset<Row> participation, Dataset<Row> communities, Dataset<Row> categories) {
    this(spark, events, requests, feedback, participation, communities, categories, requests.select("request_id", "category"));
  }

  public DashboardViews register() {
    events.createOrReplaceTempView("cp_events");
    requests.createOrReplaceTempView("cp_requests");
    feedback.createOrReplaceTempView("cp_feedback");
    participation.createOrReplaceTempView("cp_participation");
    communities.createOrReplaceTempView("cp_communities");
    categories.createOrReplaceTempView("cp_categories");
    requestCategories.createOrReplaceTempView("cp_request_categories");
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
