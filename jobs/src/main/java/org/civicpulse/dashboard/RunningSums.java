package org.civicpulse.dashboard;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Turns +1/−1 steps into per-day counts on the dense grid: a measure that holds over a span of days (open,
 * closed within the last 30 days) costs two rows per span instead of one per day, and its value on D is the
 * sum of the steps on or before D.
 */
final class RunningSums {
  private RunningSums() {}

  /**
   * @param grid the range's grid (without UNLINKED)
   * @param steps one row per (date, community_id, category) and the summed steps d_&lt;measure&gt;…, roll-ups
   *     labelled ALL, clipped to the range (a span that starts before the range starts on its first day)
   * @return grid rows (date, community_id, category, &lt;measure&gt; as INT…)
   */
  static Dataset<Row> overGrid(Dataset<Row> grid, Dataset<Row> steps, List<String> measures) {
    StringBuilder running = new StringBuilder();
    for (String m : measures) {
      running.append(", CAST(sum(coalesce(s.d_").append(m).append(", 0)) OVER (PARTITION BY g.community_id, g.category"
          + " ORDER BY g.date ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS INT) AS ").append(m);
    }
    return BoundSql.of("SELECT g.date, g.community_id, g.category" + running + " FROM {grid} g LEFT JOIN {steps}"
        + " s ON g.date = s.date AND g.community_id = s.community_id AND g.category = s.category")
        .with("grid", grid).with("steps", steps).run();
  }

  /** The +1 and −1 steps of one measure over the days [from, to]; both days are null when the span is empty. */
  static String span(String measure, String from, String to) {
    String nonEmpty = "CASE WHEN " + from + " <= " + to + " THEN ";
    return "named_struct('day', " + nonEmpty + from + " END, 'm', '" + measure + "', 'delta', 1), "
        + "named_struct('day', " + nonEmpty + "date_add(" + to + ", 1) END, 'm', '" + measure + "', 'delta', -1)";
  }

  /** The columns d_&lt;m&gt; of one exploded step {@code st} (from {@link #span}): its delta in its own measure, 0 elsewhere. */
  static String stepColumns(List<String> measures) {
    return String.join(", ", measures.stream()
        .map(m -> "CASE WHEN st.m = '" + m + "' THEN st.delta ELSE 0 END AS d_" + m).toList());
  }

  static String sums(List<String> measures) {
    return String.join(", ", measures.stream().map(m -> "sum(d_" + m + ") AS d_" + m).toList());
  }
}
