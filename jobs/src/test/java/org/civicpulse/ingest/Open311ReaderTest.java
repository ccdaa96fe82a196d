package org.civicpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.privacy.Pseudonymizer;
import org.civicpulse.schema.Schemas;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open311 GeoReport v2 adapter over the hand-written fixture src/test/resources/open311/requests.json. */
class Open311ReaderTest {
  static final Path FIX = Path.of("src/test/resources/open311");
  @TempDir Path tmp;

  private static List<RawRecord> readAll(String text, double grid) {
    List<RawRecord> out = new ArrayList<>();
    new Open311Reader(new BufferedReader(new StringReader(text)), grid).forEachRemaining(out::add);
    return out;
  }

  private static String field(RawRecord r, String name) {
    return r.fields().get(Open311Reader.HEADER.indexOf(name));
  }

  @Test
  void mapsStatusChannelCloseTimeAndDueDate() throws Exception {
    List<RawRecord> rs = readAll(Files.readString(FIX.resolve("requests.json")), Open311Reader.DEFAULT_GRID);
    // header + 7 objects; the closing "]" line is punctuation only.
    assertThat(rs).hasSize(8);
    RawRecord a1 = rs.get(1);
    assertThat(a1.line()).isEqualTo(1);
    assertThat(field(a1, "request_id")).isEqualTo("A1");
    assertThat(field(a1, "channel")).isEqualTo("hotline");
    assertThat(field(a1, "status")).isEqualTo("open");
    assertThat(field(a1, "due_at")).isEqualTo("2024-03-04T09:00:00-05:00");
    assertThat(field(a1, "closed_at")).isEmpty();
    assertThat(field(a1, "community_id")).isEqualTo("all");
    assertThat(field(a1, "lon")).isEqualTo("-71.105");
    // A2: closed, no closed_date -> updated_datetime is the close time; app channel.
    assertThat(field(rs.get(2), "closed_at")).isEqualTo("2024-03-02T12:00:00-05:00");
    assertThat(field(rs.get(2), "channel")).isEqualTo("app");
    // A3: closed_date wins over updated_datetime; service_code stands in for a missing service_name.
    assertThat(field(rs.get(3), "closed_at")).isEqualTo("2024-03-03T08:00:00-05:00");
    assertThat(field(rs.get(3), "category")).isEqualTo("Graffiti");
    assertThat(field(rs.get(3), "channel")).isEqualTo("web");
    assertThat(rs.get(4).fields()).isNull();
    assertThat(rs.get(4).structuralReasons().get(0)).startsWith("bad_json");
    // A5: unknown status passes through for validation to quarantine; no source -> other.
    assertThat(field(rs.get(5), "status")).isEqualTo("pending");
    assertThat(field(rs.get(5), "channel")).isEqualTo("other");
  }

  @Test
  void gridCommunityAndJsonLines() {
    String jsonl = "{\"service_request_id\":\"G1\",\"lat\":42.3151,\"long\":-71.1049}\n\n{\"service_request_id\":\"G2\"}\n";
    List<RawRecord> rs = readAll(jsonl, 0.01);
    assertThat(rs).hasSize(3);
    assertThat(field(rs.get(1), "community_id")).isEqualTo("grid_42.31_-71.11");
    assertThat(rs.get(2).line()).isEqualTo(3);
    assertThat(field(rs.get(2), "community_id")).isEqualTo("unknown");
  }

  @Test
  void ingestReconcilesCountsAndQuarantinesWithLineAndReason() {
    Lake lake = new Lake(tmp.resolve("lake"));
    DeltaStore store = new DeltaStore(SharedSpark.get());
    Map<String, List<Path>> files = new LinkedHashMap<>();
    files.put(Schemas.COMMUNITIES, List.of(FIX.resolve("communities.csv").toAbsolutePath()));
    files.put(Schemas.CATEGORIES, List.of(FIX.resolve("categories.csv").toAbsolutePath()));
    files.put(Schemas.SERVICE_REQUESTS, List.of(FIX.resolve("requests.json").toAbsolutePath()));
    List<DatasetCounts> counts = new IngestJob(store, lake, "America/Chicago", Map.of(),
        Pseudonymizer.withKey("test-key"), "run1", m -> { }).open311Requests(true).run(files);
    // 7 objects: A1-A3 valid; line 4 broken JSON, A5 status pending, A6 closed before created, A7 category Noise.

    Map<Long, String> reasonByLine = new TreeMap<>();
    for (Row r : store.read(lake.quarantine(), null).filter("dataset = 'service_requests'").collectAsList()) {
      String reason = r.<String>getList(r.fieldIndex("reasons")).get(0);
      reasonByLine.put(r.getAs("line"), reason.substring(0, reason.indexOf(':')));
      assertThat((String) r.getAs("source")).endsWith("requests.json");
    }
    List<String> all = new ArrayList<>();
    store.read(lake.quarantine(), null).collectAsList().forEach(r -> all.add(r.getAs("line") + " " + r.getList(r.fieldIndex("reasons"))));
    assertThat(counts.get(2).summaryLine()).as(all.toString())
        .isEqualTo("ingest dataset=service_requests read=7 inserted=3 updated=0 unchanged=0 quarantined=4");
    assertThat(reasonByLine).containsExactlyEntriesOf(new TreeMap<>(Map.of(
        4L, "bad_json", 5L, "bad_enum", 6L, "closed_before_created", 7L, "unknown_category")));

    // -05:00 offsets are honoured whatever the configured zone: 09:00 EST = 14:00 UTC.
    Row a1 = store.read(lake.curated(Schemas.SERVICE_REQUESTS), null).filter("request_id = 'A1'").first();
    assertThat(((Timestamp) a1.getAs("created_at")).toInstant()).isEqualTo(Instant.parse("2024-03-01T14:00:00Z"));
    assertThat(((Timestamp) a1.getAs("due_at")).toInstant()).isEqualTo(Instant.parse("2024-03-04T14:00:00Z"));
  }
}
