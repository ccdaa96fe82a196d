package org.civicpulse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.ingest.IngestJob;
import org.civicpulse.ingest.ReplayPlan;
import org.civicpulse.ingest.ReplaySender;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.privacy.Pseudonymizer;
import org.civicpulse.schema.Schemas;
import org.civicpulse.testing.KafkaBroker;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * replay → a real broker process → stream --available-now → Delta tables, for the hand-made fixture of
 * src/test/resources/fixtures/stream. Hand counts: 6 request rows with parseable times give 12 events (R1 3,
 * R2 3, R3 1, R4 2, R5 2, R6 1) and R7 (broken quoting) 1 raw message: 13 on the requests topic. R6's event
 * names community C99, unknown: quarantined; R7 is not JSON: quarantined. So 11 request_events, 5 requests
 * (R1–R5), 2 feedback, 1 participation, 2 quarantine rows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamKafkaTest {
  static final Path REF = Path.of("src/test/resources/fixtures/ingest");
  static final String ZONE = "Asia/Shanghai";
  static final Pseudonymizer KEY = Pseudonymizer.withKey("test-key");
  static final Map<String, String> TOPICS = Map.of(Schemas.SERVICE_REQUESTS, "civicpulse.requests",
      Schemas.FEEDBACK, "civicpulse.feedback", Schemas.PARTICIPATION, "civicpulse.participation");
  @TempDir static Path tmp;
  static KafkaBroker broker;
  static SparkSession spark;
  static DeltaStore store;
  static Lake lake;
  static Path checkpoint;

  @BeforeAll
  static void setUp() throws Exception {
    broker = KafkaBroker.start(tmp.resolve("broker"), 2);
    spark = SharedSpark.get();
    store = new DeltaStore(spark);
    lake = new Lake(tmp.resolve("lake"));
    checkpoint = tmp.resolve("checkpoint");
    Map<String, List<Path>> refs = new LinkedHashMap<>();
    refs.put(Schemas.COMMUNITIES, List.of(REF.resolve("communities.csv").toAbsolutePath()));
    refs.put(Schemas.CATEGORIES, List.of(REF.resolve("categories.csv").toAbsolutePath()));
    new IngestJob(store, lake, ZONE, Map.of(), KEY, "refs", m -> { }).run(refs);
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  static ReplaySender.Result replay() throws InterruptedException {
    return new ReplaySender(broker.bootstrap(), TOPICS, null, null, m -> { })
        .send(ReplayPlan.build(org.civicpulse.ingest.ReplayPlanFiles.fixture(), ZoneId.of(ZONE)));
  }

  static BatchCounts stream() throws Exception {
    StreamSettings s = new StreamSettings(broker.bootstrap(), TOPICS, "civicpulse.alerts", checkpoint, true, 10,
        100_000, ZONE, Map.of(), 2);
    BatchSink sink = new BatchSink(lake, s, KEY, "test", m -> { });
    return new StreamJob(spark, s, sink, m -> { }).run();
  }

  static long count(Path table) {
    return store.read(table, null).count();
  }

  static Map<String, Long> lakeCounts() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String t : List.of(Schemas.REQUEST_EVENTS, Schemas.SERVICE_REQUESTS, Schemas.FEEDBACK, Schemas.PARTICIPATION)) {
      m.put(t, count(lake.curated(t)));
    }
    m.put("quarantine", count(lake.quarantine()));
    return m;
  }

  /** The fixture's hand counts: 11 events, 5 requests, 2 feedback, 1 participation; quarantine as given. */
  static void assertLakeHolds(long quarantined) {
    assertThat(lakeCounts()).containsExactly(Map.entry(Schemas.REQUEST_EVENTS, 11L),
        Map.entry(Schemas.SERVICE_REQUESTS, 5L), Map.entry(Schemas.FEEDBACK, 2L),
        Map.entry(Schemas.PARTICIPATION, 1L), Map.entry("quarantine", quarantined));
  }

  static Map<String, Long> versions() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String t : List.of(Schemas.REQUEST_EVENTS, Schemas.SERVICE_REQUESTS, Schemas.FEEDBACK, Schemas.PARTICIPATION)) {
      m.put(t, DeltaTable.forPath(spark, lake.curated(t).toString()).history().count());
    }
    m.put("quarantine", DeltaTable.forPath(spark, lake.quarantine().toString()).history().count());
    return m;
  }

  @Test
  @Order(1)
  void replayedFixtureLandsOnceWithQuarantinedOffsets() throws Exception {
    assertThat(replay().total()).isEqualTo(16);
    BatchCounts c = stream();
    assertThat(c.read(Schemas.SERVICE_REQUESTS)).isEqualTo(13);
    assertThat(c.quarantined(Schemas.SERVICE_REQUESTS)).isEqualTo(2);
    assertThat(c.read(Schemas.FEEDBACK)).isEqualTo(2);
    assertThat(c.read(Schemas.PARTICIPATION)).isEqualTo(1);
    assertLakeHolds(2L);

    Map<String, String> status = new HashMap<>();
    store.read(lake.curated(Schemas.SERVICE_REQUESTS), null).collectAsList()
        .forEach(r -> status.put(r.getAs("request_id"), r.getAs("status")));
    assertThat(status).containsExactlyInAnyOrderEntriesOf(
        Map.of("R1", "closed", "R2", "assigned", "R3", "open", "R4", "open", "R5", "closed"));
    Row r1 = store.read(lake.curated(Schemas.SERVICE_REQUESTS), null).filter("request_id = 'R1'").first();
    assertThat((String) r1.getAs("resident_key")).isEqualTo(KEY.residentKey("RES1", null));
    assertThat((String) r1.getAs("description")).doesNotContain("13800000001");
    assertThat((Double) r1.getAs("lat")).isEqualTo(30.123);
    // R1's three events each carry the status as of that event.
    List<String> r1Statuses = store.read(lake.curated(Schemas.REQUEST_EVENTS), null).filter("request_id = 'R1'")
        .orderBy("event_time").collectAsList().stream().map(r -> r.<String>getAs("status")).toList();
    assertThat(r1Statuses).containsExactly("open", "open", "closed");

    Map<String, long[]> where = requestRecordsByValue();
    for (Row q : store.read(lake.quarantine(), null).collectAsList()) {
      assertThat((String) q.getAs("dataset")).isEqualTo(Schemas.SERVICE_REQUESTS);
      assertThat((String) q.getAs("source")).isEqualTo("civicpulse.requests");
      assertThat(q.isNullAt(q.fieldIndex("line"))).isTrue();
      long[] po = where.get(q.<String>getAs("raw"));
      assertThat(po).as("a Kafka record with the quarantined value").isNotNull();
      assertThat(new long[] {q.<Integer>getAs("partition"), q.<Long>getAs("offset")}).containsExactly(po);
    }
    List<String> reasons = store.read(lake.quarantine(), null).orderBy("raw").collectAsList().stream()
        .map(r -> String.join(";", r.<String>getList(r.fieldIndex("reasons")))).toList();
    assertThat(reasons.get(0)).startsWith("bad_json:"); // R7,"2025… sorts before {"event_id"…
    assertThat(reasons.get(1)).contains("unknown_community:");
  }

  @Test
  @Order(2)
  void sentTwiceAndCrashBeforeCommitStillOnce() throws Exception {
    assertThat(replay().total()).isEqualTo(16);
    BatchCounts again = stream();
    assertThat(again.read(Schemas.SERVICE_REQUESTS)).isEqualTo(13);
    // Events are stored once by event_id; the two malformed records were sent again as new Kafka records
    // (new offsets), and quarantine keeps each record it rejected: 2 + 2.
    assertLakeHolds(4L);

    // Crash after the Delta writes, before the checkpoint commit: drop the last commit marker. Spark then runs
    // that batch again with the same id; every table already recorded that txnVersion and skips it.
    Map<String, Long> before = versions();
    Path last;
    try (Stream<Path> commits = Files.list(checkpoint.resolve("commits"))) {
      last = commits.filter(p -> p.getFileName().toString().matches("\\d+"))
          .max((a, b) -> Long.compare(Long.parseLong(a.getFileName().toString()), Long.parseLong(b.getFileName().toString())))
          .orElseThrow();
    }
    Files.delete(last);
    Files.deleteIfExists(last.resolveSibling("." + last.getFileName() + ".crc"));
    BatchCounts redo = stream();
    assertThat(redo.batches()).isEqualTo(1);
    assertThat(redo.read(Schemas.SERVICE_REQUESTS)).isEqualTo(13);
    assertLakeHolds(4L);
    assertThat(versions()).isEqualTo(before);
  }

  /** Every record of the requests topic: value → {partition, offset}. */
  static Map<String, long[]> requestRecordsByValue() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    Map<String, long[]> out = new HashMap<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts = c.partitionsFor("civicpulse.requests").stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      long deadline = System.currentTimeMillis() + 30_000;
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
          out.putIfAbsent(r.value(), new long[] {r.partition(), r.offset()});
        }
      }
    }
    return out;
  }
}
