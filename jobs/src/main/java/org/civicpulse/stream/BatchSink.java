package org.civicpulse.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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

  /**
   * Work on a batch's request events after they are in the lake (live marts, alerts), inside the same idempotent
   * transaction ids; called only for a batch that holds valid request events.
   */
  public interface BatchListener {
    /** After request_events, beside the other curated writes (service_requests may not be written yet). */
    void afterRequestEvents(DeltaStore store, long batchId, Dataset<Row> newEvents, StepTimes times);

    /** After every curated write of the batch, service_requests included. */
    void afterServiceRequests(DeltaStore store, long batchId, StepTimes times);
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
      Map<String, long[]> written = new HashMap<>();
      store.idempotent(appId, batchId, () -> written.putAll(write(store, batchId, parsed, times)));
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

  /** The batch's writes; returns records read and quarantined per dataset. */
  private Map<String, long[]> write(DeltaStore store, long batchId, Map<String, Dataset<Row>> parsed, StepTimes times) {
    Map<String, long[]> readAndBad = new LinkedHashMap<>();
    List<Dataset<Row>> quarantine = Collections.synchronizedList(new ArrayList<>());
    for (Map.Entry<String, Dataset<Row>> e : parsed.entrySet()) {
      long[] c = readAndBad(e.getValue());
      times.lap("parse " + e.getKey());
      readAndBad.put(e.getKey(), c);
      if (c[1] > 0) {
        quarantine.add(CuratedRows.quarantine(CuratedRows.invalid(e.getValue()), e.getKey(), "stream-" + batchId));
      }
    }
    Map<String, Dataset<Row>> valid = new LinkedHashMap<>();
    readAndBad.forEach((ds, c) -> {
      if (c[0] > c[1]) {
        valid.put(ds, CuratedRows.valid(parsed.get(ds)));
      }
    });
    // request_events first and alone: a new event counts as arrived once it is there (what latency measures).
    Dataset<Row> requests = valid.get(Schemas.SERVICE_REQUESTS);
    Dataset<Row> newEvents = requests == null ? null : CuratedRows.requestEvents(requests);
    if (newEvents != null) {
      store.mergeInsertOnly(newEvents, lake.curated(Schemas.REQUEST_EVENTS), List.of("event_id"),
          TableSchema.MONTH_COLUMN);
      times.lap(Schemas.REQUEST_EVENTS);
    }
    // Then the other tables side by side: a batch's time is mostly Spark's and Delta's fixed cost per job and per
    // commit, much of it on the driver, so one table's planning and commit overlap another's tasks. Each piece
    // writes a table of its own, under the same transaction ids.
    Map<String, Callable<Long>> curated = new LinkedHashMap<>();
    if (requests != null) {
      curated.put(Schemas.SERVICE_REQUESTS, () -> {
        StepTimes t = times.branch();
        store.mergeNewer(CuratedRows.latestStates(requests), lake.curated(Schemas.SERVICE_REQUESTS), "request_id",
            "updated_at", TableSchema.MONTH_COLUMN);
        t.lap(Schemas.SERVICE_REQUESTS);
        return 0L;
      });
    }
    for (String ds : List.of(Schemas.FEEDBACK, Schemas.PARTICIPATION)) {
      if (valid.containsKey(ds)) {
        curated.put(ds, () -> {
          StepTimes t = times.branch();
          Dataset<Row> conflicting = writeFacts(store, valid.get(ds), ds);
          long n = conflicting.count();
          if (n > 0) {
            quarantine.add(CuratedRows.quarantine(conflicting, ds, "stream-" + batchId));
          }
          t.lap(ds);
          return n;
        });
      }
    }
    if (newEvents != null) {
      for (int i = 0; i < listeners.size(); i++) {
        BatchListener l = listeners.get(i);
        Dataset<Row> events = newEvents;
        curated.put("listener " + i, () -> {
          l.afterRequestEvents(store, batchId, events, times.branch());
          return 0L;
        });
      }
    }
    Map<String, Long> conflicts = SideBySide.run(curated);
    Map<String, Callable<Long>> last = new LinkedHashMap<>();
    if (!quarantine.isEmpty()) {
      last.put("quarantine", () -> {
        StepTimes t = times.branch();
        // One commit for all datasets: a second commit to the same table under the same txnVersion would be skipped.
        Dataset<Row> q = quarantine.stream().reduce(Dataset::unionByName).orElseThrow();
        store.mergeInsertOnly(q, lake.quarantine(), List.of("source", "partition", "offset"), null);
        LakePermissions.ownerOnly(lake.quarantine());
        t.lap("quarantine");
        return 0L;
      });
    }
    if (requests != null) {
      for (int i = 0; i < listeners.size(); i++) {
        BatchListener l = listeners.get(i);
        last.put("listener " + i, () -> {
          l.afterServiceRequests(store, batchId, times.branch());
          return 0L;
        });
      }
    }
    SideBySide.run(last);
    Map<String, long[]> out = new LinkedHashMap<>();
    for (String ds : settings.topics().keySet()) {
      long[] c = readAndBad.getOrDefault(ds, new long[2]);
      out.put(ds, new long[] {c[0], c[1] + conflicts.getOrDefault(ds, 0L)});
    }
    progress.accept(batchLine(batchId, out) + ' ' + times.summary());
    return out;
  }

  /** Records read and invalid among them, in one Spark job: every extra action costs seconds on a small machine. */
  private static long[] readAndBad(Dataset<Row> p) {
    Row c = p.agg(count(lit(1)), sum(when(size(col(KafkaRows.REASONS)).gt(0), 1).otherwise(0))).first();
    return new long[] {c.getLong(0), c.isNullAt(1) ? 0 : c.getLong(1)};
  }

  /** `batch N: service_requests=R (Q quarantined) feedback=…`, every topic named. */
  private static String batchLine(long batchId, Map<String, long[]> readAndQuarantined) {
    StringBuilder line = new StringBuilder("batch " + batchId + ":");
    readAndQuarantined.forEach((ds, c) ->
        line.append(' ').append(ds).append('=').append(c[0]).append(c[1] > 0 ? " (" + c[1] + " quarantined)" : ""));
    return line.toString();
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
