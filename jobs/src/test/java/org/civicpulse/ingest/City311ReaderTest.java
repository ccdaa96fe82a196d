package org.civicpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
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

/** City CSV adapter over the invented fixture src/test/resources/city311/ (mapping + 6 rows). */
class City311ReaderTest {
  static final Path FIX = Path.of("src/test/resources/city311");
  @TempDir Path tmp;

  private static List<RawRecord> readAll() throws Exception {
    List<RawRecord> out = new ArrayList<>();
    City311Mapping m = City311Mapping.load(FIX.resolve("mapping.properties"));
    try (BufferedReader r = Files.newBufferedReader(FIX.resolve("requests.csv"))) {
      new City311Reader(r, m).forEachRemaining(out::add);
    }
    return out;
  }

  private static String field(RawRecord r, String name) {
    return r.fields().get(City311Reader.HEADER.indexOf(name));
  }

  @Test
  void mapsStatusChannelCategoryAndLocalTimes() throws Exception {
    List<RawRecord> rs = readAll();
    assertThat(rs).hasSize(7); // synthetic header + 6 rows
    RawRecord c1 = rs.get(1);
    assertThat(c1.line()).isEqualTo(2);
    assertThat(field(c1, "request_id")).isEqualTo("C1");
    assertThat(field(c1, "created_at")).isEqualTo("2024-03-01T09:15:00-06:00");
    assertThat(field(c1, "status")).isEqualTo("open");
    assertThat(field(c1, "channel")).isEqualTo("hotline");
    assertThat(field(c1, "category")).isEqualTo("Pothole");
    assertThat(field(c1, "community_id")).isEqualTo("all");
    RawRecord c2 = rs.get(2);
    assertThat(field(c2, "status")).isEqualTo("closed");
    assertThat(field(c2, "channel")).isEqualTo("web");
    assertThat(field(c2, "category")).isEqualTo("Graffiti");
    assertThat(field(c2, "closed_at")).isEqualTo("2024-03-03T14:00:00-06:00");
    // After the DST switch Chicago is -05:00; channel.* default; unmapped category passes through.
    assertThat(field(rs.get(3), "created_at")).isEqualTo("2024-03-10T03:30:00-05:00");
    assertThat(field(rs.get(3), "channel")).isEqualTo("other");
    assertThat(field(rs.get(3), "category")).isEqualTo("Graffiti");
    // Unparseable date and unknown status pass through for validation.
    assertThat(field(rs.get(4), "created_at")).isEqualTo("2024-13-45");
    assertThat(field(rs.get(5), "status")).isEqualTo("pending");
    assertThat(field(rs.get(6), "status")).isEqualTo("in_progress");
    // A mapped category keeps the city's type at the head of the description (nothing of the export is lost).
    assertThat(field(rs.get(6), "description")).isEqualTo("[Pothole Repair] quoted, with a comma");
  }

  @Test
  void badMappingAndMissingColumnNameTheKey() throws Exception {
    Path bad = tmp.resolve("bad.properties");
    Files.writeString(bad, "column.request_id=Case ID\ncolumn.created_at=Opened\ncolumn.status=Status\n"
        + "time_format=yyyy\ntime_zone=UTC\ncolum.lat=x\n");
    assertThatThrownBy(() -> City311Mapping.load(bad)).isInstanceOf(InputException.class)
        .hasMessageContaining("unknown mapping key colum.lat");
    Path missing = tmp.resolve("missing.properties");
    Files.writeString(missing, "column.request_id=Case ID\ncolumn.status=Status\ntime_format=yyyy\ntime_zone=UTC\n");
    assertThatThrownBy(() -> City311Mapping.load(missing)).isInstanceOf(InputException.class)
        .hasMessageContaining("column.created_at");
    Path other = tmp.resolve("other.properties");
    Files.writeString(other, "column.request_id=Ticket\ncolumn.created_at=Opened\ncolumn.status=Status\n"
        + "time_format=yyyy\ntime_zone=UTC\n");
    City311Mapping m = City311Mapping.load(other);
    assertThatThrownBy(() -> new City311Reader(
        Files.newBufferedReader(FIX.resolve("requests.csv")), m).forEachRemaining(r -> { }))
        .isInstanceOf(InputException.class).hasMessageContaining("column Ticket");
  }

  @Test
  void ingestReconcilesCountsAndQuarantinesWithLineAndReason() {
    Lake lake = new Lake(tmp.resolve("lake"));
    DeltaStore store = new DeltaStore(SharedSpark.get());
    Map<String, List<Path>> files = new LinkedHashMap<>();
    files.put(Schemas.COMMUNITIES, List.of(FIX.resolve("communities.csv").toAbsolutePath()));
    files.put(Schemas.CATEGORIES, List.of(FIX.resolve("categories.csv").toAbsolutePath()));
    files.put(Schemas.SERVICE_REQUESTS, List.of(FIX.resolve("requests.csv").toAbsolutePath()));
    List<DatasetCounts> counts = new IngestJob(store, lake, "UTC", Map.of(),
        Pseudonymizer.withKey("test-key"), "run1", m -> { })
        .city311Requests(City311Mapping.load(FIX.resolve("mapping.properties"))).run(files);

    Map<Long, String> reasonByLine = new TreeMap<>();
    List<String> all = new ArrayList<>();
    for (Row r : store.read(lake.quarantine(), null).filter("dataset = 'service_requests'").collectAsList()) {
      String reason = r.<String>getList(r.fieldIndex("reasons")).get(0);
      all.add(r.getAs("line") + " " + reason);
      reasonByLine.put(r.getAs("line"), reason.substring(0, reason.indexOf(':')));
      assertThat((String) r.getAs("source")).endsWith("requests.csv");
    }
    assertThat(counts.get(2).summaryLine()).as(all.toString())
        .isEqualTo("ingest dataset=service_requests read=6 inserted=4 updated=0 unchanged=0 quarantined=2");
    assertThat(reasonByLine).as(all.toString()).containsExactlyEntriesOf(new TreeMap<>(Map.of(
        5L, "bad_timestamp", 6L, "bad_enum")));
    // 09:15 CST (-06:00) = 15:15 UTC, whatever the configured zone.
    Row c1 = store.read(lake.curated(Schemas.SERVICE_REQUESTS), null).filter("request_id = 'C1'").first();
    assertThat(((Timestamp) c1.getAs("created_at")).toInstant()).isEqualTo(Instant.parse("2024-03-01T15:15:00Z"));
  }

  @Test
  void isoTimesKeepTheirOffsetAndALastUpdateIsACloseTimeOnlyForClosedRequests() throws Exception {
    Path dir = Path.of("src/test/resources/city311-offset");
    List<RawRecord> rs = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(dir.resolve("requests.csv"))) {
      new City311Reader(r, City311Mapping.load(dir.resolve("mapping.properties"))).forEachRemaining(rs::add);
    }
    assertThat(field(rs.get(1), "created_at")).as("winter time, own offset").isEqualTo("2019-12-02T08:00:00-05:00");
    assertThat(field(rs.get(1), "closed_at")).as("closed: updated_datetime is the close time")
        .isEqualTo("2019-12-02T10:30:00-05:00");
    assertThat(field(rs.get(2), "created_at")).as("summer time, own offset").isEqualTo("2019-07-01T09:00:00-04:00");
    assertThat(field(rs.get(2), "closed_at")).as("open: no close time").isEmpty();
    assertThat(field(rs.get(2), "updated_at")).isEqualTo("2019-07-02T09:00:00-04:00");
  }

  @Test
  void aBadFlagValueNamesTheKey() throws Exception {
    Path m = tmp.resolve("m.properties");
    Files.writeString(m, "column.request_id=a\ncolumn.created_at=b\ncolumn.status=c\ntime_format=yyyy\n"
        + "time_zone=UTC\nclosed_at_only_when_closed=yes\n");
    assertThatThrownBy(() -> City311Mapping.load(m)).hasMessageEndingWith("closed_at_only_when_closed must be true or false, not yes");
  }
}
