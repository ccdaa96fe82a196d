package org.civicpulse.dashboard;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The dense grid every daily mart is laid on: each date × (communities + ALL) × (categories + ALL + UNLINKED). */
public final class CellGrid {
  private CellGrid() {}

  public static Dataset<Row> grid(DashboardViews v, DateRange r, boolean withUnlinked) {
    String categories = "SELECT category FROM cp_categories UNION ALL SELECT 'ALL'"
        + (withUnlinked ? " UNION ALL SELECT '" + SatisfactionMetrics.UNLINKED + "'" : "");
    return v.sql("SELECT d AS date, c.community_id, k.category FROM"
        + " (SELECT explode(sequence(" + r.a() + ", " + r.b() + ")) AS d)"
        + " CROSS JOIN (SELECT community_id FROM cp_communities UNION ALL SELECT 'ALL') c"
        + " CROSS JOIN (" + categories + ") k");
  }
}
