package org.civicpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.privacy.Pseudonymizer;
import org.civicpulse.schema.Schemas;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest of the hand-written fixtures in src/test/resources/fixtures/ingest. Every expected count below was
 * worked out by reading the fixture files line by line (see the comments next to each number).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestJobTest {
  static final Path FIX = Path.of("src/test/resources/fixtures/ingest");
  @TempDir static Path tmp;
  static SparkSession spark;
  static Lake lake;
  static DeltaStore store;

  @BeforeAll
  static void setUp() {
    spark = SharedSpark.get();
    lake = new Lake(tmp.resolve("lake"));
    store = new DeltaStore(spark);
  }

  private static List<DatasetCounts> ingest(Map<String, List<Path>> files) {
    return job().run(files);
  }

  private static IngestJob job() {
    return new IngestJob(store, lake, "Asia/Shanghai", Map.of(), Pseudonymizer.withKey("test-key"), "run1", m -> { });
  }

  private static Map<String, List<Path>> refs() {
    Map<String, List<Path>> m = new LinkedHashMap<>();
    m.put(Schemas.COMMUNITIES, List.of(FIX.resolve("communities.csv").toAbsolutePath()));
    m.put(Schemas.CATEGORIES, List.of(FIX.resolve("categories.csv").toAbsolutePath()));
    return m;
  }

  @Test
  @Order(1)
  void firstFileCountsReconcileAndEveryRuleQuarantinesWithItsLine() {
    Map<String, List<Path>> files = refs();
    files.put(Schemas.SERVICE_REQUESTS, List.of(FIX.resolve("requests-1.csv").toAbsolutePath()));
    files.put(Schemas.FEEDBACK, List.of(FIX.resolve("feedback.csv").toAbsolutePath()));
    files.put(Schemas.PARTICIPATION, List.of(FIX.resolve("participation.csv").toAbsolutePath()));
    IngestJob job = job();
    List<DatasetCounts> counts = job.run(files);
    // Feedback and participation are ingested on a second thread beside the requests; the day `daily` must
    // recompute from is still the earliest over all of them: P1's meeting on 2024-01-05 (requests start 01-10).
    assertThat(job.firstTouched()).as("earliest inserted row, participation P1").isEqualTo(java.time.LocalDate.of(2024, 1, 5));

    assertThat(counts).extracting(DatasetCounts::summaryLine).containsExactly(
        "ingest dataset=communities read=2 inserted=2 updated=0 unchanged=0 quarantined=0",
        "ingest dataset=categories read=2 inserted=2 updated=0 unchanged=0 quarantined=0",
        // 19 records (line 20 is blank; lines 4-5 are one record): R1, R2, R3 new; line 18 repeats R2 exactly and
        // line 19 is an older version of R1 (updated_at a day earlier): unchanged; 14 break one rule each.
        "ingest dataset=service_requests read=19 inserted=3 updated=0 unchanged=2 quarantined=14",
        // F1, F2 new; F3 rating 7; F1 again with rating 3 = conflicting id; F2 again identical = unchanged.
        "ingest dataset=feedback read=5 inserted=2 updated=0 unchanged=1 quarantined=2",
        "ingest dataset=participation read=3 inserted=2 updated=0 unchanged=0 quarantined=1");

    Map<Long, String> reasonByLine = new TreeMap<>();
    for (Row r : store.read(lake.quarantine(), null).filter("dataset = 'service_requests'").collectAsList()) {
      List<String> reasons = r.getList(r.fieldIndex("reasons"));
      assertThat(reasons).as("line %s has exactly one reason", (Object) r.getAs("line")).hasSize(1);
      reasonByLine.put(r.getAs("line"), reasons.get(0).substring(0, reasons.get(0).indexOf(':')));
    }
    assertThat(reasonByLine).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
        Map.entry(6L, "bad_timestamp"),
        Map.entry(7L, "unknown_community"),
        Map.entry(8L, "bad_enum"),
        Map.entry(9L, "closed_before_created"),
        Map.entry(10L, "closed_without_closed_at"),
        Map.entry(11L, "too_many_fields"),
        Map.entry(12L, "too_few_fields"),
        Map.entry(13L, "broken_quoting"),
        Map.entry(14L, "out_of_range"),
        Map.entry(15L, "open_with_closed_at"),
        Map.entry(16L, "ack_before_created"),
        Map.entry(17L, "missing_required"),
        Map.entry(21L, "ack_after_closed"),
        Map.entry(22L, "unknown_category"))));
    Row raw = store.read(lake.quarantine(), null).filter("dataset = 'service_requests' AND line = 13").first();
    assertThat(raw.<String>getAs("raw")).isEqualTo("R11,2024-01-10 09:00:00,,C01,heating,app,open,,,,,,normal,RID011,,,,\"abc\"def,0");
    assertThat(raw.<String>getAs("source")).endsWith("requests-1.csv");

    List<String> fbReasons = new ArrayList<>();
    store.read(lake.quarantine(), null).filter("dataset = 'feedback'").orderBy("line")
        .collectAsList().forEach(r -> fbReasons.add(r.getAs("line") + " " + r.<String>getList(r.fieldIndex("reasons")).get(0).split(":")[0]));
    assertThat(fbReasons).containsExactly("4 out_of_range", "5 conflicting_id");
  }

  @Test
  @Order(2)
  void multiLineQuotedChineseFieldIsAcceptedAndMasked() {
    Row r3 = store.read(lake.curated(Schemas.SERVICE_REQUESTS), null).filter("request_id = 'R3'").first();
    assertThat(r3.<String>getAs("description")).isEqualTo("暖气不热,\n楼道很冷 身份证***");
    // heating SLA is 72 h: due 2024-01-13 11:00 local
    assertThat(local(r3.getAs("due_at"))).isEqualTo("2024-01-13 11:00");
    assertThat(r3.<String>getAs("month")).isEqualTo("2024-01");
  }

  @Test
  @Order(3)
  void laterFileClosesARequestAndAddsTheClosedEvent() {
    Map<String, List<Path>> files = new LinkedHashMap<>();
    files.put(Schemas.SERVICE_REQUESTS, List.of(FIX.resolve("requests-2.csv").toAbsolutePath()));
    assertThat(ingest(files)).extracting(DatasetCounts::summaryLine).containsExactly(
        "ingest dataset=service_requests read=3 inserted=1 updated=1 unchanged=1 quarantined=0");
    Row r1 = store.read(lake.curated(Schemas.SERVICE_REQUESTS), null).filter("request_id = 'R1'").first();
    assertThat(r1.<String>getAs("status")).isEqualTo("closed");
    assertThat(r1.<String>getAs("provider_type")).isEqualTo("social_org");
    List<String> events = new ArrayList<>();
    store.read(lake.curated(Schemas.REQUEST_EVENTS), null).orderBy("request_id", "event_time")
        .collectAsList().forEach(r -> events.add(r.getAs("request_id") + " " + r.getAs("event_type") + " " + local(r.getAs("event_time"))));
    assertThat(events).containsExactly(
        "R1 created 2024-01-10 09:00",
        "R1 acknowledged 2024-01-10 11:00",
        "R1 closed 2024-01-12 09:00",
        "R18 created 2024-01-12 08:00",
        "R2 created 2024-01-10 10:00",
        "R2 acknowledged 2024-01-10 10:30",
        "R2 closed 2024-01-11 08:00",
        "R3 created 2024-01-10 11:00",
        "R3 acknowledged 2024-01-10 12:00",
        "R3 assigned 2024-01-10 12:00");
  }

  @Test
  @Order(4)
  void ingestingTheSameFilesAgainChangesNoTable() {
    Map<String, Long> before = versions();
    Map<String, List<Path>> files = refs();
    files.put(Schemas.SERVICE_REQUESTS, List.of(FIX.resolve("requests-1.csv").toAbsolutePath(),
        FIX.resolve("requests-2.csv").toAbsolutePath()));
    files.put(Schemas.FEEDBACK, List.of(FIX.resolve("feedback.csv").toAbsolutePath()));
    List<DatasetCounts> counts = ingest(files);
    assertThat(counts).extracting(DatasetCounts::summaryLine).containsExactly(
        "ingest dataset=communities read=2 inserted=0 updated=0 unchanged=2 quarantined=0",
        "ingest dataset=categories read=2 inserted=0 updated=0 unchanged=2 quarantined=0",
        // R1 line 2 and 19 of file 1 are older than the stored close; file 2 line 2 is identical to it.
        "ingest dataset=service_requests read=22 inserted=0 updated=0 unchanged=8 quarantined=14",
        // F1 line 2 and F2 lines 3 and 6 are identical to stored rows; F3 and the F1 conflict stay rejected.
        "ingest dataset=feedback read=5 inserted=0 updated=0 unchanged=3 quarantined=2");
    assertThat(versions()).as("Delta versions after a rerun").isEqualTo(before);
  }

  @Test
  @Order(5)
  void noPersonalIdentifierInAnyCuratedTableAndQuarantineIsOwnerOnly() throws Exception {
    List<String> secrets = List.of("13812345678", "139-0000-1111", "13900001111", "13700002222",
        "110101199003071234", "RID001", "RID002", "RID020");
    for (String table : List.of(Schemas.SERVICE_REQUESTS, Schemas.REQUEST_EVENTS, Schemas.FEEDBACK, Schemas.PARTICIPATION,
        Schemas.COMMUNITIES, Schemas.CATEGORIES)) {
      for (Row r : store.read(lake.curated(table), null).collectAsList()) {
        for (int i = 0; i < r.length(); i++) {
          String v = String.valueOf(r.get(i));
          for (String s : secrets) {
            assertThat(v).as("%s column %s", table, r.schema().fields()[i].name()).doesNotContain(s);
          }
        }
      }
    }
    Row r1 = store.read(lake.curated(Schemas.SERVICE_REQUESTS), null).filter("request_id = 'R1'").first();
    assertThat(r1.<String>getAs("resident_key")).isEqualTo(Pseudonymizer.withKey("test-key").residentKey("RID001", null)).hasSize(64);
    assertThat(r1.<String>getAs("description")).isEqualTo("请联系***处理暖气");
    assertThat(r1.<Double>getAs("lat")).isEqualTo(31.230);
    try (Stream<Path> s = Files.walk(lake.quarantine())) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        assertThat(perms).as(p.toString()).doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
      }
    }
  }

  @Test
  @Order(6)
  void headerWithoutARequiredColumnIsAnErrorNamingIt() {
    Map<String, List<Path>> files = new LinkedHashMap<>();
    files.put(Schemas.SERVICE_REQUESTS, List.of(FIX.resolve("requests-no-community.csv").toAbsolutePath()));
    assertThatThrownBy(() -> ingest(files)).isInstanceOf(InputException.class)
        .hasMessageContaining("no column 'community_id'");
  }

  /** Timestamps as local Asia/Shanghai time, whatever the JVM's default zone. */
  static String local(java.sql.Timestamp t) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .format(t.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")));
  }

  @Test
  @Order(7)
  void jsonLinesFeedbackWithMalformedLines() {
    Map<String, List<Path>> files = new LinkedHashMap<>();
    files.put(Schemas.FEEDBACK, List.of(Path.of("src/test/resources/fixtures/ingest-json/feedback.jsonl").toAbsolutePath()));
    // J1 valid; J2 rating 9; line 3 blank (not counted); line 4 broken JSON; line 5 an array, not an object
    assertThat(ingest(files)).extracting(DatasetCounts::summaryLine).containsExactly(
        "ingest dataset=feedback read=4 inserted=1 updated=0 unchanged=0 quarantined=3");
    List<String> q = new ArrayList<>();
    store.read(lake.quarantine(), null).filter("source LIKE '%feedback.jsonl'").orderBy("line").collectAsList()
        .forEach(r -> q.add(r.getAs("line") + " " + r.<String>getList(r.fieldIndex("reasons")).get(0).split(":")[0]));
    assertThat(q).containsExactly("2 out_of_range", "4 bad_json", "5 bad_json");
    Row j1 = store.read(lake.curated(Schemas.FEEDBACK), null).filter("feedback_id = 'J1'").first();
    assertThat(local(j1.getAs("submitted_at"))).isEqualTo("2024-01-12 12:00");
  }

  private static Map<String, Long> versions() {
    Map<String, Long> out = new TreeMap<>();
    for (String t : List.of(Schemas.SERVICE_REQUESTS, Schemas.REQUEST_EVENTS, Schemas.FEEDBACK, Schemas.COMMUNITIES,
        Schemas.CATEGORIES)) {
      out.put(t, DeltaTable.forPath(spark, lake.curated(t).toString()).history().count());
    }
    out.put("quarantine", DeltaTable.forPath(spark, lake.quarantine().toString()).history().count());
    return out;
  }
}
