package org.civicpulse.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
import org.civicpulse.schema.Marts;
import org.civicpulse.schema.Schemas;
import org.civicpulse.testing.KafkaBroker;
import org.civicpulse.testing.SharedSpark;
import org.civicpulse.testing.SpikeFixture;
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
    ingestReferences(lake);
  }

  static void ingestReferences(Lake into) {
    Map<String, List<Path>> refs = new LinkedHashMap<>();
    refs.put(Schemas.COMMUNITIES, List.of(REF.resolve("communities.csv").toAbsolutePath()));
    refs.put(Schemas.CATEGORIES, List.of(REF.resolve("categories.csv").toAbsolutePath()));
    new IngestJob(store, into, ZONE, Map.of(), KEY, "refs", m -> { }).run(refs);
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
    return stream(lake, TOPICS, "civicpulse.alerts", checkpoint);
  }

  /** stream --available-now as the command wires it: curated writes, then live marts and alerts. */
  static BatchCounts stream(Lake into, Map<String, String> topics, String alerts, Path cp) throws Exception {
    StreamSettings s = new StreamSettings(broker.bootstrap(), topics, alerts, cp, true, 10, 100_000, ZONE, Map.of(), 2);
    BatchSink sink = new BatchSink(into, s, KEY, "test", m -> { })
        .listener(new LiveMarts(into, 2, new AlertPublisher(broker.bootstrap(), alerts)));
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

  /**
   * A planted burst on its own topics and lake: C01/heating at 10:00–10:59 local (02:00Z) on Monday 2025-03-03
   * had 1, 2, 3, 2, 1, 2, 3, 2 created requests in the 8 weeks before (k = 1..8); this time 15 (10:00–10:14).
   * Median 2; absolute deviations 1,0,1,0,1,0,1,0 → MAD 0.5; z = (15 − 2) / (1.4826 · 0.5) = 17.5368 ≥ 3.5 and
   * 15 ≥ 10: one alert. As of 10:14 the last 60 minutes hold three 5-minute buckets of 5, and C01 has
   * 16 + 15 = 31 open requests.
   */
  @Test
  @Order(3)
  void plantedBurstRaisesOneAlertOnTheTopicAndInTheLake() throws Exception {
    Map<String, String> topics = broker.datasetTopics("spike", 1);
    Path csv = Files.writeString(tmp.resolve("spike-requests.csv"), SpikeFixture.csv());
    Lake spikeLake = new Lake(tmp.resolve("spike-lake"));
    ingestReferences(spikeLake);
    new ReplaySender(broker.bootstrap(), topics, null, null, m -> { })
        .send(ReplayPlan.build(Map.of(Schemas.SERVICE_REQUESTS, List.of(csv)), ZoneId.of(ZONE)));
    stream(spikeLake, topics, "spike.alerts", tmp.resolve("spike-checkpoint"));

    List<Row> alerts = store.read(spikeLake.mart(Marts.ALERTS), null).collectAsList();
    assertThat(alerts).hasSize(1);
    Row a = alerts.get(0);
    assertThat((String) a.getAs("community_id")).isEqualTo("C01");
    assertThat((String) a.getAs("category")).isEqualTo("heating");
    assertThat(a.<java.sql.Timestamp>getAs("window_start").toInstant()).isEqualTo(Instant.parse("2025-03-03T02:00:00Z"));
    assertThat((Long) a.getAs("volume")).isEqualTo(15L);
    assertThat((Double) a.getAs("baseline_median")).isEqualTo(2.0);
    assertThat((Double) a.getAs("z")).isCloseTo(17.5368, within(1e-4));

    List<ConsumerRecord<String, String>> sent = records("spike.alerts");
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).key()).isEqualTo(a.<String>getAs("alert_id"));
    assertThat(sent.get(0).value()).contains("\"volume\":15");

    List<Row> volume = store.read(spikeLake.mart(Marts.LIVE_VOLUME), null).orderBy("bucket_start").collectAsList();
    assertThat(volume).extracting(r -> r.<java.sql.Timestamp>getAs("bucket_start").toInstant().toString())
        .containsExactly("2025-03-03T02:00:00Z", "2025-03-03T02:05:00Z", "2025-03-03T02:10:00Z");
    assertThat(volume).extracting(r -> r.<Long>getAs("volume")).containsExactly(5L, 5L, 5L);
    Row backlog = store.read(spikeLake.mart(Marts.LIVE_BACKLOG), null).first();
    assertThat((String) backlog.getAs("community_id")).isEqualTo("C01");
    assertThat((Long) backlog.getAs("open_requests")).isEqualTo(31L);
  }

  /**
   * docs/data.md for facts: an id re-sent with different content is quarantined as conflicting_id, the first version
   * stands, an identical repeat is unchanged. First run: F1, F1 again (identical), F1 rated 1 instead of 5, F2;
   * P1 and P1 with 90 minutes instead of 60. Second run: F1 again (as stored), F2 with another comment, F3.
   * So feedback F1 (rating 5), F2 (first comment), F3; participation P1 (60); quarantine the 3 conflicts; and
   * read 7 + 2 = inserted 3 + 1, unchanged 2, quarantined 3.
   */
  @Test
  @Order(4)
  void factReSentWithTheSameIdAndOtherContentIsQuarantinedAsConflictingId() throws Exception {
    Map<String, String> topics = broker.datasetTopics("facts", 1);
    Lake facts = new Lake(tmp.resolve("facts-lake"));
    ingestReferences(facts);
    Path cp = tmp.resolve("facts-checkpoint");
    String f1 = feedback("F1", 5, "ok");
    send("facts.feedback", f1, f1, feedback("F1", 1, "ok"), feedback("F2", 4, "first"));
    send("facts.participation", participation("P1", 60), participation("P1", 90));
    BatchCounts first = stream(facts, topics, "facts.alerts", cp);
    assertThat(first.read(Schemas.FEEDBACK)).as("feedback read, run 1").isEqualTo(4);
    assertThat(first.quarantined(Schemas.FEEDBACK)).as("feedback quarantined, run 1").isEqualTo(1);
    assertThat(first.read(Schemas.PARTICIPATION)).as("participation read").isEqualTo(2);
    assertThat(first.quarantined(Schemas.PARTICIPATION)).as("participation quarantined").isEqualTo(1);

    send("facts.feedback", f1, feedback("F2", 4, "second"), feedback("F3", 3, "new"));
    BatchCounts second = stream(facts, topics, "facts.alerts", cp);
    assertThat(second.read(Schemas.FEEDBACK)).as("feedback read, run 2").isEqualTo(3);
    assertThat(second.quarantined(Schemas.FEEDBACK)).as("feedback quarantined, run 2").isEqualTo(1);

    Map<String, String> stored = new HashMap<>();
    store.read(facts.curated(Schemas.FEEDBACK), null).collectAsList()
        .forEach(r -> stored.put(r.getAs("feedback_id"), r.getAs("rating").toString() + "/" + r.getAs("comment")));
    assertThat(stored).as("feedback: first versions only").containsExactlyInAnyOrderEntriesOf(
        Map.of("F1", "5/ok", "F2", "4/first", "F3", "3/new"));
    List<Row> p = store.read(facts.curated(Schemas.PARTICIPATION), null).collectAsList();
    assertThat(p).extracting(r -> r.<String>getAs("participation_id") + "/" + r.getAs("duration_minutes"))
        .as("participation: first version").containsExactly("P1/60");
    List<Row> q = store.read(facts.quarantine(), null).orderBy("dataset", "raw").collectAsList();
    assertThat(q).extracting(r -> r.<String>getAs("dataset") + " " + r.<String>getAs("raw"))
        .as("the three conflicting records, raw").containsExactly(
            "feedback " + feedback("F1", 1, "ok"), "feedback " + feedback("F2", 4, "second"),
            "participation " + participation("P1", 90));
    assertThat(q).extracting(r -> r.<String>getList(r.fieldIndex("reasons")).get(0))
        .as("reason").allMatch(reason -> reason.startsWith("conflicting_id"));
    long read = 4 + 3 + 2;
    long quarantined = first.quarantined(Schemas.FEEDBACK) + second.quarantined(Schemas.FEEDBACK)
        + first.quarantined(Schemas.PARTICIPATION);
    assertThat(read - quarantined - stored.size() - p.size()).as("read − quarantined − inserted = unchanged (F1 twice)")
        .isEqualTo(2);
  }

  static String feedback(String id, int rating, String comment) {
    return "{\"feedback_id\":\"" + id + "\",\"submitted_at\":\"2025-03-03 12:30:00\",\"community_id\":\"C01\","
        + "\"request_id\":\"\",\"rating\":\"" + rating + "\",\"channel\":\"app\",\"comment\":\"" + comment
        + "\",\"resident_id\":\"RES1\"}";
  }

  static String participation(String id, int minutes) {
    return "{\"participation_id\":\"" + id + "\",\"occurred_at\":\"2025-03-03 09:00:00\",\"community_id\":\"C01\","
        + "\"activity_type\":\"meeting\",\"activity_id\":\"M1\",\"participant_role\":\"resident\","
        + "\"duration_minutes\":\"" + minutes + "\",\"resident_id\":\"RES9\"}";
  }

  /** Sends values in this order (one key, so one partition, offsets in send order), acknowledged. */
  static void send(String topic, String... values) throws Exception {
    try (KafkaProducer<String, String> p = new KafkaProducer<>(ReplaySender.producerConfig(broker.bootstrap()))) {
      for (String v : values) {
        p.send(new ProducerRecord<>(topic, "C01", v)).get();
      }
    }
  }

  /** Every record of the requests topic: value → {partition, offset}. */
  static Map<String, long[]> requestRecordsByValue() {
    Map<String, long[]> out = new HashMap<>();
    for (ConsumerRecord<String, String> r : records("civicpulse.requests")) {
      out.putIfAbsent(r.value(), new long[] {r.partition(), r.offset()});
    }
    return out;
  }

  /** Every record a topic holds now, read from the beginning. */
  static List<ConsumerRecord<String, String>> records(String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> out = new java.util.ArrayList<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts = c.partitionsFor(topic).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      long deadline = System.currentTimeMillis() + 30_000;
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
        c.poll(Duration.ofMillis(500)).forEach(out::add);
      }
    }
    return out;
  }
}
