package org.civicpulse.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.civicpulse.curate.CuratedWrites;
import org.civicpulse.curate.Outcome;
import org.civicpulse.curate.QuarantineRows;
import org.civicpulse.curate.RecordColumns;
import org.civicpulse.curate.ReferenceContext;
import org.civicpulse.curate.VersionClassifier;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.lake.LakePermissions;
import org.civicpulse.lake.SideTask;
import org.civicpulse.lake.SparkSessions;
import org.civicpulse.lake.StepScale;
import org.civicpulse.privacy.Pseudonymizer;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;
import org.civicpulse.schema.ValidationContext;

/** landing → curated + quarantine for the datasets given, in the order docs/data.md reports them. */
public final class IngestJob {
  /** The order in which datasets are ingested and reported: references first, they validate the rest. */
  public static final List<String> ORDER = List.of(
      Schemas.COMMUNITIES, Schemas.CATEGORIES, Schemas.SERVICE_REQUESTS, Schemas.FEEDBACK, Schemas.PARTICIPATION);

  private final DeltaStore store;
  private final Lake lake;
  private final String zone;
  private final Map<String, Double> slaOverrides;
  private final Pseudonymizer pseudonymizer;
  private final String runId;
  private final Consumer<String> progress;
  private final CuratedWrites writes;
  /** The earliest local day of any row this run inserted or changed (what `daily` must recompute from). */
  private java.time.LocalDate firstTouched;
  /** Datasets whose files come in a source format read by an adapter instead of the canonical landing format. */
  private final Map<String, LandingAdapter> adapters = new HashMap<>();

  public IngestJob(DeltaStore store, Lake lake, String zone, Map<String, Double> slaOverrides,
      Pseudonymizer pseudonymizer, String runId, Consumer<String> progress) {
    this.store = store;
    this.lake = lake;
    this.zone = zone;
    this.slaOverrides = slaOverrides;
    this.pseudonymizer = pseudonymizer;
    this.runId = runId;
    this.progress = progress;
    this.writes = new CuratedWrites(store, lake);
  }

  /** Reads service request files as Open311 GeoReport v2 JSON (issue 7); other datasets are unaffected. */
  public IngestJob open311Requests(boolean on) {
    return on ? adapter(Schemas.SERVICE_REQUESTS, Open311Reader.adapter()) : this;
  }

  /** Reads service request files as a city CSV export mapped by this mapping (issue 7); null for none. */
  public IngestJob city311Requests(City311Mapping mapping) {
    return mapping != null ? adapter(Schemas.SERVICE_REQUESTS, City311Reader.adapter(mapping)) : this;
  }

  /** Reads one dataset's files through an adapter (issue 7: Open311, city exports, survey and PB sources). */
  public IngestJob adapter(String dataset, LandingAdapter adapter) {
    adapters.put(dataset, adapter);
    return this;
  }

  /**
   * Checks every header first (nothing is written if one is bad), ingests the reference datasets, then the fact
   * datasets (feedback and participation beside service_requests); the counts come back in {@link #ORDER}.
   */
  public List<DatasetCounts> run(Map<String, List<Path>> files) {
    Map<String, List<Path>> withHeaders = new LinkedHashMap<>(files);
    // Source formats carry no landing header; the adapter maps their fields itself.
    withHeaders.keySet().removeAll(adapters.keySet());
    LandingFiles.checkHeaders(withHeaders, progress);
    List<DatasetCounts> out = new ArrayList<>();
    Timestamp at = Timestamp.from(Instant.now());
    Map<String, DatasetCounts> done = new ConcurrentHashMap<>();
    // The two reference tables one after the other: side by side they finished 2 s sooner and the command did not.
    REFERENCES.forEach(ds -> ingestInto(this, ds, files, at, done));
    // The fact datasets validate against the references only and write tables of their own: feedback and
    // participation go on a second driver thread, with a Spark session of its own, beside service_requests.
    // Large loads keep one dataset at a time: two datasets' shuffles at once were not measured in a 4 GB heap.
    if (sideBySide(files)) {
      ingestSideBySide(List.of(Schemas.SERVICE_REQUESTS), BESIDE, files, at, done);
    } else {
      FACTS.forEach(ds -> ingestInto(this, ds, files, at, done));
    }
    for (String ds : ORDER) {
      if (done.containsKey(ds)) {
        out.add(done.get(ds));
      }
    }
    LakePermissions.ownerOnly(lake.quarantine());
    return out;
  }

  private static final List<String> REFERENCES = List.of(Schemas.COMMUNITIES, Schemas.CATEGORIES);
  private static final List<String> BESIDE = List.of(Schemas.FEEDBACK, Schemas.PARTICIPATION);
  private static final List<String> FACTS = List.of(Schemas.SERVICE_REQUESTS, Schemas.FEEDBACK, Schemas.PARTICIPATION);

  /** Ingests {@code here} on this thread and {@code beside} on a second one; returns when both are done. */
  private void ingestSideBySide(List<String> here, List<String> beside, Map<String, List<Path>> files, Timestamp at,
      Map<String, DatasetCounts> done) {
    IngestJob other = sibling();
    try (SideTask side = SideTask.start("ingest", () -> beside.forEach(ds -> ingestInto(other, ds, files, at, done)))) {
      here.forEach(ds -> ingestInto(this, ds, files, at, done));
      side.join();
    }
    touch(other.firstTouched);
  }

  private static void ingestInto(IngestJob job, String ds, Map<String, List<Path>> files, Timestamp at,
      Map<String, DatasetCounts> done) {
    if (files.containsKey(ds)) {
      job.progress.accept("ingest " + ds + ": " + files.get(ds).size() + " file(s)");
      DatasetCounts c = job.ingest(ds, files.get(ds), at);
      job.progress.accept("ingest " + ds + ": done, " + c.read() + " records read");
      done.put(ds, c);
    }
  }

  /** Fact files of at most this many bytes in all are ingested side by side (the 1m-request bench: 83 MB). */
  static final long SIDE_BY_SIDE_BYTES = 256L << 20;

  static boolean sideBySide(Map<String, List<Path>> files) {
    long bytes = 0;
    for (String ds : FACTS) {
      for (Path p : files.getOrDefault(ds, List.of())) {
        try {
          bytes += Files.size(p);
        } catch (IOException e) {
          return false;
        }
      }
    }
    return bytes <= SIDE_BY_SIDE_BYTES;
  }

  private IngestJob sibling() {
    IngestJob j = new IngestJob(new DeltaStore(SparkSessions.sibling(store.spark())), lake, zone, slaOverrides, pseudonymizer, runId, progress);
    j.adapters.putAll(adapters);
    return j;
  }

  private void touch(java.time.LocalDate d) {
    if (d != null) {
      firstTouched = firstTouched == null || d.isBefore(firstTouched) ? d : firstTouched;
    }
  }

  /**
   * Below this many records a dataset's steps run interpreted (StepScale): the reference files' dozen rows paid
   * seconds of code generation, while parsing and validating 100,000 requests ran twice as long interpreted.
   */
  static final long INTERPRET_BELOW = 10_000;

  private DatasetCounts ingest(String ds, List<Path> paths, Timestamp at) {
    TableSchema schema = Schemas.get(ds);
    Dataset<Row> staged = LandingReader.read(store.spark(), paths, schema, context(), adapters.get(ds))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long read = staged.count();
    // A staged row carries the raw line and every parsed field, and a request makes several events downstream.
    try (StepScale sized = StepScale.forRows(store.spark(), read, 100_000, INTERPRET_BELOW)) {
      Dataset<Row> valid = staged.filter(size(col(RecordColumns.REASONS)).equalTo(0));
      Dataset<Row> rejected = staged.filter(size(col(RecordColumns.REASONS)).gt(0));
      Dataset<Row> stored = store.read(lake.curated(ds), schema.sparkSchema());
      Map<String, Long> outcomes;
      if (ds.equals(Schemas.SERVICE_REQUESTS)) {
        outcomes = mergeRequests(valid, stored);
      } else {
        boolean facts = ds.equals(Schemas.FEEDBACK) || ds.equals(Schemas.PARTICIPATION);
        // Checkpointed, not just cached: writing the table it was computed from would otherwise make Spark
        // recompute it against the new table state.
        Dataset<Row> classified = VersionClassifier.classify(valid, stored, schema, facts, col(StagedRows.ORDER))
            .localCheckpoint();
        outcomes = countBy(classified, Outcome.COLUMN);
        writeKeyed(classified, schema, facts);
        rejected = rejected.unionByName(VersionClassifier.conflicting(classified, schema.key()));
      }
      progress.accept(ds + ": curated written");
      Dataset<Row> quarantine = QuarantineRows.of(rejected, ds,
          QuarantineRows.Position.file(StagedRows.SOURCE, StagedRows.LINE), runId, lit(at)).persist(StorageLevel.MEMORY_AND_DISK());
      long quarantined = quarantine.count();
      if (quarantined > 0) {
        writes.quarantine(quarantine, CuratedWrites.FILE_RECORD);
      }
      quarantine.unpersist();
      return new DatasetCounts(ds, read, outcomes.getOrDefault(Outcome.INSERTED, 0L),
          outcomes.getOrDefault(Outcome.UPDATED, 0L), outcomes.getOrDefault(Outcome.UNCHANGED, 0L), quarantined);
    } finally {
      staged.unpersist();
    }
  }

  private Map<String, Long> mergeRequests(Dataset<Row> valid, Dataset<Row> stored) {
    // Checkpointed: the state merge below rewrites the table the plan was computed from.
    Dataset<Row> plan = RequestMerge.plan(valid, stored).localCheckpoint();
    {
      Map<String, Long> outcomes = countBy(RequestMerge.outcomes(plan), Outcome.COLUMN);
      progress.accept("service_requests: versions walked " + outcomes);
      Dataset<Row> states = RequestMerge.states(plan);
      if (!states.isEmpty()) {
        // Newer-only, as the stream writes states: a state the stream committed after this run read the table
        // is not overwritten by an older one from the files.
        writes.states(states);
      }
      Dataset<Row> events = RequestMerge.events(plan);
      touched(events, "event_time");
      progress.accept("service_requests: states merged");
      long added = writes.newEvents(events);
      progress.accept("request_events: " + added + " new events");
      return outcomes;
    }
  }

  private void writeKeyed(Dataset<Row> classified, TableSchema schema, boolean facts) {
    String[] curated = schema.sparkSchema().fieldNames();
    if (facts) {
      Dataset<Row> inserted = VersionClassifier.with(classified, Outcome.INSERTED).selectExpr(curated);
      touched(inserted, schema.timeField());
      if (!inserted.isEmpty()) {
        // Insert-only by id, checked again at commit: the stream may have stored the same fact meanwhile.
        writes.firstVersions(schema.table(), inserted);
      }
      return;
    }
    Dataset<Row> changedKeys = classified.filter(col(Outcome.COLUMN).isin(Outcome.INSERTED, Outcome.UPDATED))
        .select(schema.key()).distinct();
    Dataset<Row> latest = classified.join(changedKeys, schema.key())
        .withColumn("_rn", row_number().over(Window.partitionBy(schema.key()).orderBy(col(StagedRows.ORDER).desc())))
        .filter(col("_rn").equalTo(1))
        .selectExpr(curated);
    if (!latest.isEmpty()) {
      writes.references(schema.table(), latest);
    }
  }

  private void touched(Dataset<Row> rows, String timeColumn) {
    Row r = rows.selectExpr("min(to_date(" + timeColumn + "))").first();
    if (!r.isNullAt(0)) {
      touch(((java.sql.Date) r.get(0)).toLocalDate());
    }
  }

  /** The earliest day a row inserted or changed by the last run() falls on, or null if nothing changed. */
  public java.time.LocalDate firstTouched() {
    return firstTouched;
  }

  private static Map<String, Long> countBy(Dataset<Row> rows, String column) {
    Map<String, Long> out = new HashMap<>();
    for (Row r : rows.groupBy(column).count().collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  /** Reference ids as the lake holds them now (after this run's reference datasets). */
  private ValidationContext context() {
    return ReferenceContext.load(store, lake, zone, slaOverrides, pseudonymizer);
  }
}
