package org.civicpulse.stats;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The one definition of backlog (docs/metrics.md, "Backlog"), shared by the daily marts, the capacity plan and
 * the live view. A request is open from each created or reopened event until the next closed, rejected or
 * duplicate event (an open spell); the backlog at an instant t is the spells opened before t and not ended at
 * or before t. Events at one instant sort opening first, so a request created and closed in the same second is
 * never open.
 */
public final class Backlog {
  /** Event types that start an open spell. */
  public static final List<String> OPENING = List.of("created", "reopened");
  /** Event types that end one. */
  public static final List<String> ENDING = List.of("closed", "rejected", "duplicate");
  /** The statuses a request's record has while it is open: what the live approximation counts. */
  public static final List<String> OPEN_STATUSES = List.of("open", "assigned", "in_progress");

  private Backlog() {}

  /**
   * One row per opening event of {@code events} (request_events columns), with {@code open_at} = its
   * event_time and {@code close_at} = the first ending event after it, null while the spell is open.
   */
  public static Dataset<Row> spells(Dataset<Row> events) {
    Column order = when(col("event_type").equalTo("created"), 0).when(col("event_type").equalTo("reopened"), 1).otherwise(2);
    WindowSpec later = Window.partitionBy("request_id").orderBy(col("event_time"), order)
        .rowsBetween(1, Window.unboundedFollowing());
    return events.filter(col("event_type").isin(lifecycle()))
        .withColumn("close_at", min(when(col("event_type").isin(ENDING.toArray()), col("event_time"))).over(later))
        .filter(col("event_type").isin(OPENING.toArray()))
        .withColumn("open_at", col("event_time"));
  }

  /** Whether a spell (a row of {@link #spells}) is open at {@code instant}. */
  public static Column openAt(Column instant) {
    return col("open_at").lt(instant).and(col("close_at").isNull().or(col("close_at").gt(instant)));
  }

  /** The spells open at {@code instant}; events after it cannot matter, so they are not read. */
  public static Dataset<Row> openAt(Dataset<Row> events, Column instant) {
    return spells(events.filter(col("event_time").leq(instant))).filter(openAt(instant));
  }

  /**
   * The live approximation: requests whose curated record has an open status now. It reads one small
   * column of service_requests instead of the event history; it differs from {@link #openAt} at the present
   * instant only where a record's status and its events disagree in time (a record stamped in the future, or
   * events that arrive out of order and are not yet reflected in the record) — see docs/streaming.md.
   */
  public static Dataset<Row> openByStatus(Dataset<Row> requests) {
    return requests.filter(col("status").isin(OPEN_STATUSES.toArray()));
  }

  private static Object[] lifecycle() {
    return Stream.concat(OPENING.stream(), ENDING.stream()).toArray();
  }
}
