package org.civicpulse.dashboard;

import static org.civicpulse.dashboard.Rollup.CUBE;
import static org.civicpulse.dashboard.Rollup.KEYS;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** reopen rate: requests reopened that day ÷ requests closed in the previous 30 days. */
public final class ReopenMetrics {
  private ReopenMetrics() {}

  public static Dataset<Row> reopened(Dataset<Row> events, DateRange r) {
    return BoundSql.of("SELECT " + KEYS + ", count(DISTINCT request_id) AS reopened FROM (SELECT to_date(event_time) AS date,"
        + " community_id, category, request_id FROM {events} WHERE event_type = 'reopened'"
        + " AND to_date(event_time) BETWEEN " + r.a() + " AND " + r.b() + ") " + CUBE).with("events", events).run();
  }

  /**
   * Distinct requests closed in [D−30, D−1], per day D of the range, on the grid. A close on day c covers the
   * days c+1 … c+30; a request's later close only adds the days its earlier closes do not cover, so each
   * request counts once per day and group (grouping sets listed per close, as a CUBE would count a request
   * whose category changed between closes once in ALL).
   */
  public static Dataset<Row> closedPrevious30(Dataset<Row> events, CellGrid grid, DateRange r) {
    // Spread by request before the rows are exploded into their cells: the window below partitions by cell and
    // request, which that spread already satisfies, so one shuffle moves each close once instead of four times.
    // No DISTINCT: a second close of a request on the same day gets lag = its own day, an empty span. The
    // request leads the window's keys: the sort then compares ids that differ, not the few community ids.
    String closes = "SELECT request_id, c, k.community AS community_id, k.cat AS category FROM ("
        + " SELECT request_id, to_date(event_time) AS c, community_id, category FROM {events}"
        + " WHERE event_type = 'closed' AND to_date(event_time) BETWEEN date_sub(" + r.a() + ", 30) AND " + r.b()
        + " DISTRIBUTE BY request_id)" + Rollup.EXPLODED_SETS;
    String spans = "SELECT community_id, category, greatest(date_add(c, 1), " + r.a() + ","
        + "  coalesce(date_add(lag(c) OVER (PARTITION BY request_id, community_id, category ORDER BY c), 31), " + r.a() + ")) AS s,"
        + " least(date_add(c, 30), " + r.b() + ") AS e FROM (" + closes + ")";
    Dataset<Row> steps = BoundSql.of("SELECT st.day AS date, community_id, category, sum(st.delta) AS d_closed_prev30 FROM (SELECT community_id, category,"
        + " explode(filter(array(" + RunningSums.span("closed_prev30", "s", "e") + "), x -> x.day <= " + r.b() + ")) AS st"
        + " FROM (" + spans + ")) GROUP BY st.day, community_id, category").with("events", events).run();
    return RunningSums.overGrid(grid.days(r, false), steps, List.of("closed_prev30"));
  }
}
