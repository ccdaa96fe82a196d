package org.civicpulse.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.civicpulse.curate.CuratedWrites;
import org.civicpulse.curate.Outcome;
import org.civicpulse.curate.RecordColumns;
import org.civicpulse.curate.VersionClassifier;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.lake.LakePermissions;
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
  private final ReferenceCache references;
  private final String fallbackAppId;
  private final Consumer<String> progress;
  private final BatchCounts counts = new BatchCounts();
  private final List<BatchListener> listeners = new ArrayList<>();

  /** Called after a batch's curated writes (live marts, alerts), inside the same idempotent transaction ids. */
  public interface BatchListener {
    void afterCurated(DeltaStore store, long batchId, Dataset<Row> newEvents, StepTimes times);
  }

  /** @param fallbackAppId the transaction app id when not run by a streaming query (e.g. a direct call) */
  public BatchSink(Lake lake, StreamSettings settings, Pseudonymizer pseudonymizer, String fallbackAppId,
      Consumer<String> progress) {
    this.lake = lake;
    this.settings = settings;
    this.references = new ReferenceCache(lake, settings.zone(), settings.slaOverrides(), pseudonymizer);
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
    StepTimes times = new StepTimes();
    SparkSession spark = batch.sparkSession();
    DeltaStore store = new DeltaStore(spark);
    String queryId = spark.sparkContext().getLocalProperty(QUERY_ID_PROPERTY);
    String appId = "civicpulse-stream-" + (queryId != null ? queryId : fallbackAppId);
    ValidationContext ctx = references.get(store);
    times.lap("reference");
    Dataset<Row> kafka = batch.persist(StorageLevel.MEMORY_AND_DISK());
    Map<String, Dataset<Row>> parsed = new LinkedHashMap<>();
    try {
      // One job reads the batch from Kafka into the cache and says which topics it holds: a topic with no
      // records is neither parsed nor counted nor written (each of those is a Spark job of its own).
      Map<String, Long> perTopic = recordsPerTopic(kafka);
      times.lap("read");
      for (Map.Entry<String, String> t : settings.topics().entrySet()) {
        if (perTopic.containsKey(t.getValue())) {
          parsed.put(t.getKey(), parse(kafka, t.getKey(), t.getValue(), ctx));
        }
      }
      // Totals are added once the batch is in: a body run again after a conflict must not count twice.
      Map<String, long[]> written = new LinkedHashMap<>();
      store.idempotent(appId, batchId, () -> {
        written.clear();
        write(store, batchId, parsed, times, written);
      });
      written.forEach((ds, c) -> counts.add(ds, c[0], c[1]));
      counts.batchDone();
    } finally {
      parsed.values().forEach(Dataset::unpersist);
      kafka.unpersist();
    }
  }

  private static Map<String, Long> recordsPerTopic(Dataset<Row> kafka) {
    Map<String, Long> out = new HashMap<>();
    kafka.groupBy(KafkaRows.TOPIC).count().collectAsList().forEach(r -> out.put(r.getString(0), r.getLong(1)));
    return out;
  }

  /** One topic's records parsed and validated, cached: counts, writes and quarantine all read them. */
  private static Dataset<Row> parse(Dataset<Row> kafka, String dataset, String topic, ValidationContext ctx) {
    EventParser parser = new EventParser(dataset, ctx);
    return kafka.filter(col(KafkaRows.TOPIC).equalTo(topic))
        .mapPartitions((MapPartitionsFunction<Row, Row>) parser::parse, Encoders.row(parser.outputSchema()))
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** The batch's writes; puts records read and quarantined per dataset into `written`. */
  private void write(DeltaStore store, long batchId, Map<String, Dataset<Row>> parsed, StepTimes times,
      Map<String, long[]> written) {
    CuratedWrites writes = new CuratedWrites(store, lake);
    List<Dataset<Row>> quarantine = new ArrayList<>();
    Dataset<Row> newEvents = null;
    StringBuilder line = new StringBuilder("batch " + batchId + ":");
    for (String ds : settings.topics().keySet()) {
      Dataset<Row> p = parsed.get(ds);
      long read = 0;
      long bad = 0;
      if (p != null) {
        // One job for both counts: every extra action over a batch costs seconds on a small machine.
        Row c = p.agg(count(lit(1)), sum(when(size(col(RecordColumns.REASONS)).gt(0), 1).otherwise(0))).first();
        read = c.getLong(0);
        bad = c.isNullAt(1) ? 0 : c.getLong(1);
        times.lap("parse " + ds);
      }
      if (bad > 0) {
        quarantine.add(CuratedRows.quarantine(CuratedRows.invalid(p), ds, "stream-" + batchId));
      }
      if (read > bad) {
        Dataset<Row> valid = CuratedRows.valid(p);
        if (ds.equals(Schemas.SERVICE_REQUESTS)) {
          newEvents = writeRequests(writes, valid, times);
        } else {
          Dataset<Row> conflicting = writeFacts(store, writes, valid, ds);
          long n = conflicting.count();
          if (n > 0) {
            quarantine.add(CuratedRows.quarantine(conflicting, ds, "stream-" + batchId));
            bad += n;
          }
          times.lap(ds);
        }
      }
      written.put(ds, new long[] {read, bad});
      line.append(' ').append(ds).append('=').append(read).append(bad > 0 ? " (" + bad + " quarantined)" : "");
    }
    if (!quarantine.isEmpty()) {
      // One commit for all datasets: a second commit to the same table under the same txnVersion would be skipped.
      Dataset<Row> q = quarantine.stream().reduce(Dataset::unionByName).orElseThrow();
      writes.quarantineAll(q, CuratedWrites.KAFKA_RECORD);
      LakePermissions.ownerOnly(lake.quarantine());
      times.lap("quarantine");
    }
    for (BatchListener l : listeners) {
      l.afterCurated(store, batchId, newEvents, times);
    }
    progress.accept(line.append(' ').append(times.summary()).toString());
  }

  /** request_events insert-only by event_id, the newest state per request; returns the batch's events. */
  private static Dataset<Row> writeRequests(CuratedWrites writes, Dataset<Row> valid, StepTimes times) {
    Dataset<Row> events = CuratedRows.requestEvents(valid);
    writes.events(events);
    times.lap(Schemas.REQUEST_EVENTS);
    writes.states(CuratedRows.latestStates(valid));
    times.lap(Schemas.SERVICE_REQUESTS);
    return events;
  }

  /** Inserts first versions of feedback / participation ids; returns the conflicting repeats (docs/data.md). */
  private Dataset<Row> writeFacts(DeltaStore store, CuratedWrites writes, Dataset<Row> valid, String ds) {
    TableSchema s = Schemas.get(ds);
    Path table = lake.curated(ds);
    // Materialised: writing the table they were judged against must not make Spark judge them again.
    Dataset<Row> classified = VersionClassifier.classify(valid, store.exists(table) ? store.read(table, null) : null, s,
        true, col(KafkaRows.PARTITION), col(KafkaRows.OFFSET)).localCheckpoint();
    writes.firstVersions(ds, CuratedRows.asTable(VersionClassifier.with(classified, Outcome.INSERTED), ds));
    return VersionClassifier.conflicting(classified, s.key());
  }
}
