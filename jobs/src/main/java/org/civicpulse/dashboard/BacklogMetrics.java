package org.civicpulse.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.civicpulse.stats.Backlog;

/**
 * backlog at end of day D (the open spells of {@link Backlog} at D+1 00:00), its aging buckets, and overdue
 * (open past the due time at end of D).
 */
public final class BacklogMetrics {
  private BacklogMetrics() {}

  /** The open spells with the columns the daily measures need. */
  static Dataset<Row> intervals(Dataset<Row> events) {
    return Backlog.spells(events).select("request_id", "community_id", "category", "created_at", "due_at",
        "provider_id", "provider_type", "open_at", "close_at");
  }

  /** One row per request and day it is open at the day's end, with its age and whether it is overdue. */
  public static Dataset<Row> openDays(Dataset<Row> events, DateRange r) {
    // Open at end of D ⟺ date(open_at) ≤ D and close_at > D+1 00:00 ⟺ D ≤ date(close_at − 1 µs) − 1.
    return BoundSql.of("SELECT d AS date, request_id, community_id, category, created_at, due_at, provider_id, provider_type,"
        + " (unix_micros(to_timestamp(date_add(d, 1))) - unix_micros(created_at)) / 86400000000D AS age_days,"
        + " due_at IS NOT NULL AND due_at < to_timestamp(date_add(d, 1)) AS is_overdue,"
        + " (unix_micros(to_timestamp(date_add(d, 1))) - unix_micros(due_at)) / 3600000000D AS hours_overdue"
        + " FROM (SELECT *, greatest(to_date(open_at), " + r.a() + ") AS first_day,"
        + "   least(coalesce(date_sub(to_date(close_at - INTERVAL 1 MICROSECOND), 1), " + r.b() + "), " + r.b() + ") AS last_day"
        + "   FROM {intervals})"
        + " LATERAL VIEW explode(sequence(first_day, last_day)) t AS d WHERE first_day <= last_day")
        .with("intervals", intervals(events)).run();
  }

  /** Age bounds in days of the aging buckets, in the order of {@link #BUCKETS}; the last is open-ended. */
  private static final int[] BUCKET_FROM_DAYS = {0, 1, 3, 7, 30};
  static final List<String> BUCKETS = List.of("backlog_0_1d", "backlog_1_3d", "backlog_3_7d", "backlog_7_30d", "backlog_30d_plus");
  static final List<String> MEASURES = List.of("backlog", "backlog_0_1d", "backlog_1_3d", "backlog_3_7d", "backlog_7_30d",
      "backlog_30d_plus", "overdue");

  /**
   * backlog, aging buckets and overdue per day × CUBE(community, category), on the dense grid of the range.
   * An open interval adds +1 on the first day a measure holds and −1 the day after the last, and each day's
   * value is the running sum of those steps: the work grows with the number of intervals, not with the days
   * they stay open (exploding every open day cost 29 rows per request on three years of history).
   */
  public static Dataset<Row> backlog(Dataset<Row> events, CellGrid grid, DateRange r) {
    Dataset<Row> steps = BoundSql.of("SELECT day AS date, " + Rollup.all("community_id") + ", " + Rollup.all("category")
        + ", " + RunningSums.sums(MEASURES) + " FROM (" + steps(r) + ") GROUP BY day, CUBE(community_id, category)")
        .with("intervals", intervals(events)).run();
    return RunningSums.overGrid(grid.days(r, false), steps, MEASURES);
  }

  /** One row per step: (day, community, category, d_<measure> = +1 or −1 for one measure, 0 for the others). */
  private static String steps(DateRange r) {
    // An interval is open at the end of days first_day … last_day within the range (see openDays).
    String clipped = "SELECT community_id, category, created_at, due_at,"
        + " greatest(to_date(open_at), " + r.a() + ") AS first_day,"
        + " least(coalesce(date_sub(to_date(close_at - INTERVAL 1 MICROSECOND), 1), " + r.b() + "), " + r.b() + ") AS last_day"
        + " FROM {intervals}";
    List<String> spans = new ArrayList<>();
    spans.add(RunningSums.span("backlog", "first_day", "last_day"));
    for (int i = 0; i < BUCKETS.size(); i++) {
      // Age at the end of D is ≥ a days from the day of (created_at + a days − 1 µs) on.
      String from = ageReached(BUCKET_FROM_DAYS[i]);
      String to = i + 1 < BUCKETS.size() ? "date_sub(" + ageReached(BUCKET_FROM_DAYS[i + 1]) + ", 1)" : "last_day";
      spans.add(RunningSums.span(BUCKETS.get(i), "greatest(first_day, " + from + ")", "least(last_day, " + to + ")"));
    }
    // Overdue at the end of D ⟺ due_at < D+1 00:00 ⟺ D ≥ the day of due_at.
    spans.add(RunningSums.span("overdue", "CASE WHEN due_at IS NOT NULL THEN greatest(first_day, to_date(due_at)) END", "last_day"));
    return "SELECT st.day, community_id, category, " + RunningSums.stepColumns(MEASURES)
        + " FROM (SELECT community_id, category, explode(filter(array(" + String.join(", ", spans) + "),"
        + "   x -> x.day <= " + r.b() + ")) AS st FROM (" + clipped + ") WHERE first_day <= last_day)";
  }

  private static String ageReached(int days) {
    return "to_date(timestamp_micros(unix_micros(created_at) + " + days + " * 86400000000L - 1))";
  }
}
