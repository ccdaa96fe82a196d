package org.civicpulse.dashboard;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The dense grid every daily mart is laid on: each date × (communities + ALL) × (categories + ALL + UNLINKED). */
public record CellGrid(Dataset<Row> communities, Dataset<Row> categories) {

  public Dataset<Row> days(DateRange r, boolean withUnlinked) {
    String categoryRows = "SELECT category FROM {categories} UNION ALL SELECT 'ALL'"
        + (withUnlinked ? " UNION ALL SELECT '" + SatisfactionMetrics.UNLINKED + "'" : "");
    return BoundSql.of("SELECT d AS date, c.community_id, k.category FROM"
        + " (SELECT explode(sequence(" + r.a() + ", " + r.b() + ")) AS d)"
        + " CROSS JOIN (SELECT community_id FROM {communities} UNION ALL SELECT 'ALL') c"
        + " CROSS JOIN (" + categoryRows + ") k")
        .with("communities", communities).with("categories", categories).run();
  }
}
