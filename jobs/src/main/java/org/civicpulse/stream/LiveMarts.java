package org.civicpulse.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.schema.Marts;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;
import org.civicpulse.stats.Backlog;

/**
 * Live marts, recomputed from curated after each batch's writes, as of the newest event time in the lake (an
 * event-time clock: a replay of old data shows its own "now"): live_volume (created requests per community ×
 * category × 5-minute bucket over the last 60 minutes), live_backlog (open requests per community) and
 * alerts (spikes, {@link SpikeRule}) for every clock hour within the allowed lateness.
 */
public final class LiveMarts implements BatchSink.BatchListener {
  private static final long BUCKET_SECONDS = 300;

  private final Lake lake;
  private final int latenessHours;
  private final AlertPublisher publisher;
  /** A lower bound of the clock: this process's last clock, or its first batch's newest created event (null: none yet). */
  private Instant lastAsOf;
  /** Whether request_events holds created events before the weeks a batch reads (checked until true). */
  private boolean olderData;

  /** @param publisher where alerts go besides the Delta table, or null for none */
  public LiveMarts(Lake lake, int latenessHours, AlertPublisher publisher) {
    this.lake = lake;
    this.latenessHours = latenessHours;
    this.publisher = publisher;
  }

  @Override
  public void afterCurated(DeltaStore store, long batchId, Dataset<Row> newEvents, StepTimes times) {
    if (newEvents == null || !store.exists(lake.curated(Schemas.REQUEST_EVENTS))) {
      return; // no request events this batch: nothing the marts show has changed
    }
    // The three marts below read the created events: one scan of request_events into the cache (three columns)
    // instead of one per mart — each scan lists the Delta snapshot and reads every file again. The scan covers
    // only the weeks the marts look at: the clock never goes back, so an earlier batch's clock (or, in a
    // process's first batch, its own newest created event, now in the lake) bounds what this one needs, and month
    // partitions and file statistics cut the read to those weeks however long the lake's history is. Without
    // either (no created event yet in this process), the whole table.
    if (lastAsOf == null) {
      lastAsOf = newestCreated(newEvents);
    }
    Instant from = lastAsOf == null ? null : readFrom(lastAsOf, latenessHours);
    Dataset<Row> all = createdUpToNow(store.read(lake.curated(Schemas.REQUEST_EVENTS), null));
    Dataset<Row> created = (from == null ? all : all.filter(since(from, zone(store))))
        .select("community_id", "category", "event_time")
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row span = created.agg(max("event_time"), min("event_time")).first();
      times.lap("created events");
      if (span.isNullAt(0)) {
        return;
      }
      Instant asOf = span.getTimestamp(0).toInstant();
      Instant first = span.getTimestamp(1).toInstant().truncatedTo(ChronoUnit.HOURS);
      if (from != null && first.isAfter(from) && hasOlder(all, from, zone(store))) {
        // The lake's data starts before the weeks read: every week judged has data (zero-filled), as in a full read.
        first = from.minus(Duration.ofHours(1));
      }
      lastAsOf = asOf;
      Timestamp asOfTs = Timestamp.from(asOf);
      store.overwrite(volume(created, asOf, asOfTs), lake.mart(Marts.LIVE_VOLUME), null);
      times.lap(Marts.LIVE_VOLUME);
      store.overwrite(backlog(store, asOfTs), lake.mart(Marts.LIVE_BACKLOG), null);
      times.lap(Marts.LIVE_BACKLOG);
      alerts(store, created, asOf, first, batchId);
      times.lap(Marts.ALERTS);
    } finally {
      created.unpersist();
    }
  }

  private static Dataset<Row> createdUpToNow(Dataset<Row> events) {
    return events.filter(col("event_type").equalTo("created").and(col("event_time").leq(expr("current_timestamp()"))));
  }

  /** The newest created event time among the batch's events (all in request_events now), null if none. */
  private static Instant newestCreated(Dataset<Row> batchEvents) {
    Row r = createdUpToNow(batchEvents).agg(max("event_time")).first();
    return r.isNullAt(0) ? null : r.getTimestamp(0).toInstant();
  }

  /**
   * The earliest event time a batch needs once an earlier batch's clock was lastAsOf: the hours it judges (its
   * clock hour and the allowed lateness before it) and the same hours of the previous weeks; the volume's 60
   * minutes lie within them.
   */
  static Instant readFrom(Instant lastAsOf, int latenessHours) {
    return lastAsOf.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(latenessHours))
        .minus(Duration.ofDays(7L * SpikeRule.WEEKS));
  }

  /** Event time from `from` on, with the month partitions before its month left out (months in the session zone). */
  private static Column since(Instant from, ZoneId zone) {
    return col(TableSchema.MONTH_COLUMN).geq(YearMonth.from(from.atZone(zone)).toString())
        .and(col("event_time").geq(Timestamp.from(from)));
  }

  /** Whether request_events has a created event before `from` (once so, always so: kept). */
  private boolean hasOlder(Dataset<Row> allCreated, Instant from, ZoneId zone) {
    if (!olderData) {
      olderData = !allCreated.filter(col(TableSchema.MONTH_COLUMN).leq(YearMonth.from(from.atZone(zone)).toString())
          .and(col("event_time").lt(Timestamp.from(from)))).limit(1).isEmpty();
    }
    return olderData;
  }

  private static ZoneId zone(DeltaStore store) {
    return ZoneId.of(store.spark().conf().get("spark.sql.session.timeZone"));
  }

  /** Created requests per 5-minute bucket of the 60 minutes up to the bucket holding asOf. */
  private static Dataset<Row> volume(Dataset<Row> created, Instant asOf, Timestamp asOfTs) {
    long end = (asOf.getEpochSecond() / BUCKET_SECONDS + 1) * BUCKET_SECONDS;
    Timestamp from = Timestamp.from(Instant.ofEpochSecond(end - 3600));
    Timestamp to = Timestamp.from(Instant.ofEpochSecond(end));
    return created.filter(col("event_time").geq(from).and(col("event_time").lt(to)))
        .withColumn("bucket_start", expr("timestamp_seconds(floor(unix_timestamp(event_time) / 300) * 300)"))
        .groupBy("community_id", "category", "bucket_start").agg(count(lit(1)).as("volume"))
        .withColumn("as_of", lit(asOfTs))
        .select("as_of", "community_id", "category", "bucket_start", "volume");
  }

  private Dataset<Row> backlog(DeltaStore store, Timestamp asOfTs) {
    return Backlog.openByStatus(store.read(lake.curated(Schemas.SERVICE_REQUESTS), null))
        .groupBy("community_id").agg(count(lit(1)).as("open_requests"))
        .withColumn("as_of", lit(asOfTs))
        .select("as_of", "community_id", "open_requests");
  }

  private void alerts(DeltaStore store, Dataset<Row> created, Instant asOf, Instant first, long batchId) {
    List<Instant> hours = new ArrayList<>();
    Instant current = asOf.truncatedTo(ChronoUnit.HOURS);
    for (int j = 0; j <= latenessHours; j++) {
      hours.add(current.minus(Duration.ofHours(j)));
    }
    List<Instant> all = new ArrayList<>(hours);
    all.addAll(SpikeRule.historyHours(hours));
    Object[] hourTs = all.stream().map(Timestamp::from).toArray();
    Map<SpikeRule.Cell, Long> counts = new HashMap<>();
    created.withColumn("hour", expr("timestamp_seconds(floor(unix_timestamp(event_time) / 3600) * 3600)"))
        .filter(col("hour").isin(hourTs))
        .groupBy("community_id", "category", "hour").agg(count(lit(1)))
        .collectAsList()
        .forEach(r -> counts.put(new SpikeRule.Cell(r.getString(0), r.getString(1), r.getTimestamp(2).toInstant()),
            r.getLong(3)));
    List<SpikeRule.Alert> flagged = SpikeRule.judge(counts, hours, first);
    if (flagged.isEmpty()) {
      return;
    }
    Dataset<Row> rows = store.spark().createDataFrame(toRows(flagged, asOf, batchId), alertSchema());
    Dataset<Row> fresh = store.exists(lake.mart(Marts.ALERTS))
        ? rows.join(store.read(lake.mart(Marts.ALERTS), null).select("alert_id"), "alert_id", "left_anti") : rows;
    List<String> freshIds = fresh.select("alert_id").collectAsList().stream().map(r -> r.getString(0)).toList();
    if (publisher != null) {
      publisher.publish(flagged.stream().filter(a -> freshIds.contains(a.alertId())).toList());
    }
    store.mergeInsertOnly(rows, lake.mart(Marts.ALERTS), List.of("alert_id"), null);
  }

  private static List<Row> toRows(List<SpikeRule.Alert> alerts, Instant asOf, long batchId) {
    List<Row> out = new ArrayList<>();
    for (SpikeRule.Alert a : alerts) {
      out.add(RowFactory.create(a.alertId(), a.communityId(), a.category(), Timestamp.from(a.windowStart()),
          Timestamp.from(a.windowStart().plus(Duration.ofHours(1))), a.volume(), a.baselineMedian(), a.z(),
          Timestamp.from(asOf), batchId));
    }
    return out;
  }

  static StructType alertSchema() {
    return new StructType()
        .add("alert_id", DataTypes.StringType, false)
        .add("community_id", DataTypes.StringType, false)
        .add("category", DataTypes.StringType, false)
        .add("window_start", DataTypes.TimestampType, false)
        .add("window_end", DataTypes.TimestampType, false)
        .add("volume", DataTypes.LongType, false)
        .add("baseline_median", DataTypes.DoubleType, false)
        .add("z", DataTypes.DoubleType, true)
        .add("as_of", DataTypes.TimestampType, false)
        .add("detected_batch", DataTypes.LongType, false);
  }
}
