package org.civicpulse.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.lake.LakePermissions;
import org.civicpulse.lake.ReferenceContext;
import org.civicpulse.privacy.Pseudonymizer;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;
import org.civicpulse.schema.ValidationContext;

/**
 * The stream's foreachBatch: one micro-batch of Kafka records → curated tables and quarantine, written as
 * Delta idempotent transactions (txnAppId = the query's id, txnVersion = the batch id). Spark runs a batch
 * again after a crash before its checkpoint commit; each table then skips the write it already holds, and
 * every write is also idempotent by content (insert-only MERGE on ids, newer-state-only MERGE), so an event
 * sent twice is stored once.
 */
public final class BatchSink implements VoidFunction2<Dataset<Row>, Long> {
  /** The local property Spark sets on the thread of a streaming query: its id, stable across restarts. */
  static final String QUERY_ID_PROPERTY = "sql.streaming.queryId";

  private final Lake lake;
  private final StreamSettings settings;
  private final Pseudonymizer pseudonymizer;
  private final String fallbackAppId;
  private final Consumer<String> progress;
  private final BatchCounts counts = new BatchCounts();
  private final List<BatchListener> listeners = new ArrayList<>();

  /** Called after a batch's curated writes (live marts, alerts), inside the same idempotent transaction ids. */
  public interface BatchListener {
    void afterCurated(DeltaStore store, long batchId, Dataset<Row> newEvents);
  }

  /** @param fallbackAppId the transaction app id when not run by a streaming query (e.g. a direct call) */
  public BatchSink(Lake lake, StreamSettings settings, Pseudonymizer pseudonymizer, String fallbackAppId,
      Consumer<String> progress) {
    this.lake = lake;
    this.settings = settings;
    this.pseudonymizer = pseudonymizer;
    this.fallbackAppId = fallbackAppId;
    this.progress = progress;
  }

  public BatchSink listener(BatchListener l) {
    listeners.add(l);
    return this;
  }

  public BatchCounts counts() {
    return counts;
  }

  @Override
  public void call(Dataset<Row> batch, Long batchId) {
    long start = System.nanoTime();
    SparkSession spark = batch.sparkSession();
    DeltaStore store = new DeltaStore(spark);
    String queryId = spark.sparkContext().getLocalProperty(QUERY_ID_PROPERTY);
    String appId = "civicpulse-stream-" + (queryId != null ? queryId : fallbackAppId);
    ValidationContext ctx = ReferenceContext.load(store, lake, settings.zone(), settings.slaOverrides(), pseudonymizer);
    Dataset<Row> kafka = batch.persist(StorageLevel.MEMORY_AND_DISK());
    Map<String, Dataset<Row>> parsed = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, String> t : settings.topics().entrySet()) {
        EventParser parser = new EventParser(t.getKey(), ctx);
        Dataset<Row> p = kafka.filter(col(KafkaRows.TOPIC).equalTo(t.getValue()))
            .mapPartitions((MapPartitionsFunction<Row, Row>) parser::parse, Encoders.row(parser.outputSchema()))
            .persist(StorageLevel.MEMORY_AND_DISK());
        parsed.put(t.getKey(), p);
      }
      store.idempotent(appId, batchId, () -> write(store, batchId, parsed, start));
      counts.batchDone();
    } finally {
      parsed.values().forEach(Dataset::unpersist);
      kafka.unpersist();
    }
  }

  private void write(DeltaStore store, long batchId, Map<String, Dataset<Row>> parsed, long start) {
    List<Dataset<Row>> quarantine = new ArrayList<>();
    Dataset<Row> newEvents = null;
    StringBuilder line = new StringBuilder("batch " + batchId + ":");
    for (Map.Entry<String, Dataset<Row>> e : parsed.entrySet()) {
      String ds = e.getKey();
      Dataset<Row> valid = CuratedRows.valid(e.getValue());
      // One job for both counts: every extra action over a batch costs seconds on a small machine.
      Row c = e.getValue().agg(count(lit(1)), sum(when(size(col(KafkaRows.REASONS)).gt(0), 1).otherwise(0))).first();
      long read = c.getLong(0);
      long bad = c.isNullAt(1) ? 0 : c.getLong(1);
      if (bad > 0) {
        quarantine.add(CuratedRows.quarantine(CuratedRows.invalid(e.getValue()), ds, "stream-" + batchId));
      }
      if (read > bad) {
        if (ds.equals(Schemas.SERVICE_REQUESTS)) {
          newEvents = writeRequests(store, valid);
        } else {
          Dataset<Row> conflicting = writeFacts(store, valid, ds);
          long n = conflicting.count();
          if (n > 0) {
            quarantine.add(CuratedRows.quarantine(conflicting, ds, "stream-" + batchId));
            bad += n;
          }
        }
      }
      counts.add(ds, read, bad);
      line.append(' ').append(ds).append('=').append(read).append(bad > 0 ? " (" + bad + " quarantined)" : "");
    }
    if (!quarantine.isEmpty()) {
      // One commit for all datasets: a second commit to the same table under the same txnVersion would be skipped.
      Dataset<Row> q = quarantine.stream().reduce(Dataset::unionByName).orElseThrow();
      store.mergeInsertOnly(q, lake.quarantine(), List.of("source", "partition", "offset"), null);
      LakePermissions.ownerOnly(lake.quarantine());
    }
    long curated = System.nanoTime();
    for (BatchListener l : listeners) {
      l.afterCurated(store, batchId, newEvents);
    }
    // Where a batch's time goes, for tuning: its cost is mostly per batch (Spark jobs, Delta commits), not per record.
    progress.accept(line.append(String.format(" in %.1f s (curated %.1f s, live marts %.1f s)",
        seconds(System.nanoTime() - start), seconds(curated - start), seconds(System.nanoTime() - curated))).toString());
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** request_events insert-only by event_id, the newest state per request; returns the batch's events. */
  private Dataset<Row> writeRequests(DeltaStore store, Dataset<Row> valid) {
    Dataset<Row> events = CuratedRows.requestEvents(valid);
    store.mergeInsertOnly(events, lake.curated(Schemas.REQUEST_EVENTS), List.of("event_id"), TableSchema.MONTH_COLUMN);
    store.mergeNewer(CuratedRows.latestStates(valid), lake.curated(Schemas.SERVICE_REQUESTS), "request_id",
        "updated_at", TableSchema.MONTH_COLUMN);
    return events;
  }

  /** Inserts first versions of feedback / participation ids; returns the conflicting repeats (DESIGN §2). */
  private Dataset<Row> writeFacts(DeltaStore store, Dataset<Row> valid, String ds) {
    TableSchema s = Schemas.get(ds);
    Path table = lake.curated(ds);
    Dataset<Row> classified = FactVersions.classify(valid, store.exists(table) ? store.read(table, null) : null, s);
    store.mergeInsertOnly(CuratedRows.asTable(FactVersions.with(classified, FactVersions.INSERTED), ds), table,
        List.of(s.key()), TableSchema.MONTH_COLUMN);
    return FactVersions.conflicting(classified, s.key());
  }
}
