package org.civicpulse.dashboard;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * hot spots: community × category cells with the largest rise of the last 7 days over the 7 before, among the
 * cells with at least {@code minRequests} requests over the two weeks: a rise from 1 to 4 is chance, and a
 * ranked list must not name a cell for it (docs/metrics.md, "hotspots").
 */
public final class Hotspots {
  public static final int TOP = 15;

  private Hotspots() {}

  /** @param kpis kpis_daily rows covering the 14 days ending at d */
  public static Dataset<Row> top(Dataset<Row> kpis, LocalDate d, int minRequests) {
    String last = "date BETWEEN DATE'" + d.minusDays(6) + "' AND DATE'" + d + "'";
    String prev = "date BETWEEN DATE'" + d.minusDays(13) + "' AND DATE'" + d.minusDays(7) + "'";
    return BoundSql.of("SELECT DATE'" + d + "' AS date, community_id, category, last7, prev7,"
        + " last7 - prev7 AS change, CASE WHEN prev7 > 0 THEN (last7 - prev7) / prev7 END AS pct,"
        + " " + minRequests + " AS min_requests FROM ("
        + " SELECT community_id, category, CAST(sum(CASE WHEN " + last + " THEN volume ELSE 0 END) AS INT) AS last7,"
        + " CAST(sum(CASE WHEN " + prev + " THEN volume ELSE 0 END) AS INT) AS prev7 FROM {kpis}"
        + " WHERE community_id <> 'ALL' AND category NOT IN ('ALL', 'UNLINKED') GROUP BY community_id, category)"
        + " WHERE last7 > prev7 AND last7 + prev7 >= " + minRequests
        + " ORDER BY change DESC, community_id, category LIMIT " + TOP).with("kpis", kpis).run();
  }
}
