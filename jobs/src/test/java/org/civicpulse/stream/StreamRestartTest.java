package org.civicpulse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.civicpulse.ingest.IngestJob;
import org.civicpulse.ingest.ReplayEvent;
import org.civicpulse.ingest.ReplayPlan;
import org.civicpulse.ingest.ReplaySender;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.schema.Schemas;
import org.civicpulse.testing.ChildCommand;
import org.civicpulse.testing.KafkaBroker;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream as an operator runs it — `civicpulse stream` in a JVM of its own — cut short for real (SIGKILL in the
 * middle of a batch, the broker stopped under a running stream) or beside a batch ingest of the same records.
 * Either way every event must end up in the lake exactly once. The fixture is generated: 240 requests Q000–Q239 on 2025-03-03 from 00:00 local, one a
 * minute, alternating C01/C02 and heating/noise; every third one (i % 3 == 0: 80 requests) closed 30 minutes
 * later. Replay sends 240 created + 80 closed = 320 events; all valid. So 320 request_events, 240
 * service_requests of which 80 closed, nothing quarantined.
 */
class StreamRestartTest {
  static final String ZONE = "Asia/Shanghai";
  static final int EVENTS = 320;
  static final int REQUESTS = 240;
  static final int CLOSED = 80;
  /** Seconds to wait for a child JVM: generous, since the machine is shared (a wait ends as soon as it may). */
  static final int WAIT = 240;
  @TempDir static Path tmp;
  static KafkaBroker broker;
  static DeltaStore store;
  static List<ReplayEvent> plan;

  @BeforeAll
  static void setUp() throws Exception {
    broker = KafkaBroker.start(tmp.resolve("broker"), 2);
    store = new DeltaStore(SharedSpark.get());
    plan = ReplayPlan.build(Map.of(Schemas.SERVICE_REQUESTS, List.of(requestsCsv(tmp.resolve("requests.csv")))),
        ZoneId.of(ZONE));
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  /**
   * 40 records a batch (about 8 batches): SIGKILL once a batch is planned (offsets/k in the checkpoint) but not
   * committed (no commits/k) and request_events already holds rows, i.e. mid-way and mid-batch. Then
   * `stream --available-now` on the same checkpoint: Spark reruns batch k with its recorded offsets, Delta
   * skips the tables that batch already committed (txnVersion), and the rest is read once.
   */
  @Test
  void killedMidBatchThenRestartedFromTheCheckpointStoresEveryEventOnce() throws Exception {
    Map<String, String> topics = broker.datasetTopics("kill", 2);
    assertThat(send(topics, plan)).as("events replayed").isEqualTo(EVENTS);
    Lake lake = lake("kill-lake");
    Path cp = tmp.resolve("kill-checkpoint");
    Path events = lake.curated(Schemas.REQUEST_EVENTS);

    try (ChildCommand first = ChildCommand.start(tmp.resolve("logs"), "kill-1", streamArgs(lake, topics, cp, false, 40))) {
      waitUntil(WAIT, () -> !first.isAlive()
          || Files.exists(events.resolve("_delta_log/00000000000000000000.json")) && batchInProgress(cp));
      assertThat(first.isAlive()).as("stream still running when killed; stderr:\n" + first.stderrTail()).isTrue();
      first.kill();
    }

    assertThat(batchInProgress(cp)).as("a batch was planned but not committed when the JVM died").isTrue();
    long partial = store.read(events, null).count();
    assertThat(partial).as("request_events mid-way at the kill").isBetween(1L, EVENTS - 1L);
    assertThat(cp.resolve("_civicpulse.lock")).as("the dead stream's lock, left behind").exists();

    try (ChildCommand again = ChildCommand.start(tmp.resolve("logs"), "kill-2", streamArgs(lake, topics, cp, true, 100_000))) {
      assertThat(again.waitFor(WAIT)).as("restart exit status; stderr:\n" + again.stderrTail()).isZero();
      assertThat(again.stderrTail()).as("the stale lock of the killed JVM taken over").contains("stale lock");
    }
    assertLakeHoldsEveryEventOnce(lake);
  }

  /**
   * A long-running stream (a batch every second) has read the first half; the broker is stopped for 10 s and
   * started again on the same log folder and port; the second half is replayed. The same stream process, never
   * restarted, must reach exactly N: Spark's Kafka source retries its offset requests (each waits up to the
   * client's 60 s API timeout) rather than failing the query on a short outage. SIGTERM — sent as soon as
   * request_events holds N, typically while that batch still writes service_requests — then lets the batch
   * finish and ends the run normally (exit 0, summary line).
   */
  @Test
  void brokerStoppedAndStartedUnderARunningStreamStillEndsWithEveryEventOnce() throws Exception {
    Map<String, String> topics = broker.datasetTopics("outage", 2);
    int half = plan.size() / 2;
    assertThat(send(topics, plan.subList(0, half))).isEqualTo(half);
    Lake lake = lake("outage-lake");
    Path cp = tmp.resolve("outage-checkpoint");
    Path events = lake.curated(Schemas.REQUEST_EVENTS);

    try (ChildCommand stream = ChildCommand.start(tmp.resolve("logs"), "outage", streamArgs(lake, topics, cp, false, 100_000))) {
      waitUntil(WAIT, () -> !stream.isAlive() || lastBatch(cp.resolve("commits")).isPresent());
      assertThat(rows(events)).as("first half in the lake before the outage; stderr:\n" + stream.stderrTail())
          .isEqualTo(half);

      broker.stop();
      Thread.sleep(10_000);
      assertThat(stream.isAlive()).as("stream alive through 10 s without a broker; stderr:\n" + stream.stderrTail())
          .isTrue();
      broker.restart();
      assertThat(send(topics, plan.subList(half, plan.size()))).isEqualTo(plan.size() - half);

      waitUntil(WAIT, 2000, () -> !stream.isAlive() || rows(events) >= EVENTS);
      assertThat(stream.isAlive()).as("the same stream process recovered; stderr:\n" + stream.stderrTail()).isTrue();
      assertThat(stream.terminate(WAIT)).as("exit status after SIGTERM (a clean stop); stderr:\n" + stream.stderrTail())
          .isZero();
      assertThat(stream.stderrTail()).as("SIGTERM waited for the batch in progress").contains("stopping: waiting");
      assertThat(stream.stdout()).as("the summary line of a normal end").startsWith("stream batches=");
    }
    assertLakeHoldsEveryEventOnce(lake);
  }

  /**
   * Batch ingest and the stream on one lake at the same time, with the same 240 requests (320 events) on both
   * sides: the stream reads them from Kafka, 40 records a batch, while the test JVM ingests the same requests.csv
   * again and again until the stream has read everything. Whether a commit of one side lands inside the other's
   * read-then-write window here is a matter of timing; DeltaStoreWritesTest puts one there every time. Every curated write is an insert-only or newer-only
   * MERGE that Delta checks against the table as it is at commit (docs/streaming.md, "Batch and stream on one
   * lake"), so whichever side commits an event second skips it: 320 events, each once, none lost.
   */
  @Test
  void batchIngestRunningBesideTheStreamStoresEveryEventOnce() throws Exception {
    Map<String, String> topics = broker.datasetTopics("both", 2);
    assertThat(send(topics, plan)).as("events replayed").isEqualTo(EVENTS);
    Lake lake = lake("both-lake");
    Path cp = tmp.resolve("both-checkpoint");
    Path events = lake.curated(Schemas.REQUEST_EVENTS);
    Path csv = tmp.resolve("requests.csv");
    List<org.civicpulse.ingest.DatasetCounts> ingests = new ArrayList<>();

    try (ChildCommand stream = ChildCommand.start(tmp.resolve("logs"), "both", streamArgs(lake, topics, cp, false, 40))) {
      Path states = lake.curated(Schemas.SERVICE_REQUESTS);
      waitUntil(WAIT, () -> !stream.isAlive() || Files.exists(states.resolve("_delta_log/00000000000000000000.json")));
      // Ingest while the stream still has batches to go; at least twice, so that one run meets stream commits.
      while (ingests.size() < 2 || (ingests.size() < 3 && stream.isAlive() && rows(events) < EVENTS)) {
        ingests.addAll(new IngestJob(store, lake, ZONE, Map.of(), org.civicpulse.privacy.Pseudonymizer.development(),
            "both-" + ingests.size(), m -> { }).run(Map.of(Schemas.SERVICE_REQUESTS, List.of(csv))));
      }
      org.civicpulse.ingest.DatasetCounts first = ingests.get(0);
      assertThat(first.inserted()).as("the first ingest met a lake the stream had partly written: some requests were"
          + " already stored (" + (first.updated() + first.unchanged()) + "), the rest new").isBetween(1L, REQUESTS - 1L);
      waitUntil(WAIT, 2000, () -> !stream.isAlive() || rows(events) >= EVENTS && !batchInProgress(cp));
      assertThat(stream.terminate(WAIT)).as("stream exit status; stderr:\n" + stream.stderrTail()).isZero();
    }

    for (org.civicpulse.ingest.DatasetCounts c : ingests) {
      assertThat(c.read()).as("each ingest read the 240 requests").isEqualTo(REQUESTS);
      assertThat(c.inserted() + c.updated() + c.unchanged() + c.quarantined()).as("counts reconcile").isEqualTo(c.read());
    }
    assertLakeHoldsEveryEventOnce(lake);
  }

  static void assertLakeHoldsEveryEventOnce(Lake lake) {
    Dataset<Row> events = store.read(lake.curated(Schemas.REQUEST_EVENTS), null);
    assertThat(events.count()).as("request_events rows").isEqualTo(EVENTS);
    assertThat(events.select("event_id").distinct().count()).as("distinct event_id").isEqualTo(EVENTS);
    Dataset<Row> requests = store.read(lake.curated(Schemas.SERVICE_REQUESTS), null);
    assertThat(requests.count()).as("service_requests rows").isEqualTo(REQUESTS);
    assertThat(requests.filter("status = 'closed'").count()).as("closed requests").isEqualTo(CLOSED);
    assertThat(store.exists(lake.quarantine()) ? store.read(lake.quarantine(), null).count() : 0L)
        .as("quarantined").isZero();
  }

  /** 240 requests, one a minute from 00:00 local; every third closed 30 minutes after it was created. */
  static Path requestsCsv(Path csv) throws Exception {
    StringBuilder sb = new StringBuilder("request_id,created_at,community_id,category,channel,status,closed_at\n");
    LocalDateTime start = LocalDateTime.of(2025, 3, 3, 0, 0);
    for (int i = 0; i < REQUESTS; i++) {
      LocalDateTime created = start.plusMinutes(i);
      boolean closed = i % 3 == 0;
      sb.append(String.format("Q%03d,%s,%s,%s,app,%s,%s%n", i, created, i % 2 == 0 ? "C01" : "C02",
          i % 2 == 0 ? "heating" : "noise", closed ? "closed" : "open", closed ? created.plusMinutes(30) : ""));
    }
    return Files.writeString(csv, sb.toString());
  }

  static long send(Map<String, String> topics, List<ReplayEvent> events) throws InterruptedException {
    return new ReplaySender(broker.bootstrap(), topics, null, null, m -> { }).send(events).total();
  }

  /** A lake holding only the reference tables of the ingest fixture (C01, C02; heating, noise). */
  static Lake lake(String name) {
    Lake lake = new Lake(tmp.resolve(name));
    Map<String, List<Path>> refs = new LinkedHashMap<>();
    refs.put(Schemas.COMMUNITIES, List.of(StreamKafkaTest.REF.resolve("communities.csv").toAbsolutePath()));
    refs.put(Schemas.CATEGORIES, List.of(StreamKafkaTest.REF.resolve("categories.csv").toAbsolutePath()));
    new IngestJob(store, lake, ZONE, Map.of(), StreamKafkaTest.KEY, "refs", m -> { }).run(refs);
    return lake;
  }

  /** `stream` as scripts/civicpulse would run it, on this test's topics; a batch every second when long-running. */
  static List<String> streamArgs(Lake lake, Map<String, String> topics, Path cp, boolean availableNow, int maxOffsets) {
    List<String> args = new ArrayList<>(List.of("stream", "--lake", lake.root().toString(),
        "--bootstrap", broker.bootstrap(), "--checkpoint", cp.toString(), "--dev-key",
        "--set", "timezone=" + ZONE, "--set", "stream.trigger_seconds=1",
        "--set", "stream.max_offsets_per_trigger=" + maxOffsets,
        "--set", "spark.shuffle_partitions=2",
        "--set", "stream.topic.requests=" + topics.get(Schemas.SERVICE_REQUESTS),
        "--set", "stream.topic.feedback=" + topics.get(Schemas.FEEDBACK),
        "--set", "stream.topic.participation=" + topics.get(Schemas.PARTICIPATION),
        "--set", "stream.topic.alerts=" + topics.get(Schemas.SERVICE_REQUESTS).replace(".requests", ".alerts")));
    if (availableNow) {
      args.add("--available-now");
    }
    return args;
  }

  /** A batch the checkpoint has planned (offsets/k) but not marked done (no commits/k). */
  static boolean batchInProgress(Path cp) {
    OptionalLong planned = lastBatch(cp.resolve("offsets"));
    OptionalLong done = lastBatch(cp.resolve("commits"));
    return planned.isPresent() && (done.isEmpty() || done.getAsLong() < planned.getAsLong());
  }

  static OptionalLong lastBatch(Path dir) {
    if (!Files.isDirectory(dir)) {
      return OptionalLong.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+")).mapToLong(Long::parseLong).max();
    } catch (java.io.IOException e) {
      return OptionalLong.empty(); // a file renamed while listing: ask again on the next poll
    }
  }

  static long rows(Path table) {
    return store.exists(table) ? store.read(table, null).count() : 0;
  }

  /** Polls every 300 ms: for file checks; a check that runs a Spark count polls every 2 s (it costs CPU). */
  static void waitUntil(int seconds, BooleanSupplier done) throws InterruptedException {
    waitUntil(seconds, 300, done);
  }

  static void waitUntil(int seconds, long pollMillis, BooleanSupplier done) throws InterruptedException {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    while (!done.getAsBoolean() && System.currentTimeMillis() < deadline) {
      Thread.sleep(pollMillis);
    }
  }
}
