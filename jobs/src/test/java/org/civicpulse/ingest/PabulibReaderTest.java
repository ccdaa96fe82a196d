package org.civicpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pabulib .pb ballots → participation, over the hand-written fixtures in src/test/resources/pabulib/. */
class PabulibReaderTest {
  static final Path FIX = Path.of("src/test/resources/pabulib");
  static final String ACT = "pb:testland_testville_polnoc_2023";
  @TempDir Path tmp;

  private static List<RawRecord> read(String file) {
    return SourceIngest.records(SourceFormat.PABULIB, SourceIngest.read(FIX.resolve(file)));
  }

  private static String field(RawRecord r, String name) {
    return r.fields().get(FactHeaders.PARTICIPATION.indexOf(name));
  }

  @Test
  void ballotsBecomeVotesOfTheInstanceAreaAndVotingEnd() {
    List<RawRecord> rs = read("testville_2023.pb");
    assertThat(rs).as("header + 6 VOTES rows; META and PROJECTS are not records").hasSize(7);
    assertThat(rs.get(1).line()).as("first ballot is physical line 19").isEqualTo(19);
    assertThat(rs.get(1).fields()).containsExactly(ACT + ":v1", "2023-05-14T12:00:00", "testville_polnoc", "vote", ACT,
        ACT + "/v1", "resident");
    assertThat(rs.get(3).structuralReasons()).as("line 21 'v3'").singleElement().asString()
        .isEqualTo("too_few_fields: 1 fields, VOTES header has 2");
    assertThat(field(rs.get(4), "participation_id")).as("line 22: no voter id").isEmpty();
    assertThat(rs.get(6).structuralReasons()).as("line 24").singleElement().asString().startsWith("too_many_fields");
  }

  @Test
  void brokenSectionsYearOnlyDateVoterDistrictAndMissingDate() {
    List<RawRecord> rs = read("broken.pb");
    assertThat(rs).hasSize(6);
    assertThat(rs.get(1).line()).isEqualTo(1);
    assertThat(rs.get(1).structuralReasons()).singleElement().asString().startsWith("bad_section:");
    RawRecord w1 = rs.get(2);
    assertThat(field(w1, "community_id")).as("the ballot's own district column wins").isEqualTo("testville_sud");
    assertThat(field(w1, "occurred_at")).as("date_end 2024 = 31 Dec 2024").isEqualTo("2024-12-31T12:00:00");
    assertThat(field(w1, "activity_id")).isEqualTo("pb:testland_testville_2024");
    assertThat(field(rs.get(3), "community_id")).as("blank district → the unit").isEqualTo("testville");
    assertThat(rs.get(4).line()).isEqualTo(12);
    assertThat(rs.get(4).structuralReasons()).as("misspelt PROJECT header is a one-field ballot")
        .singleElement().asString().startsWith("too_few_fields");
    assertThat(rs.get(5).structuralReasons()).singleElement().asString().startsWith("too_many_fields");
    List<RawRecord> nodate = read("nodate.pb");
    assertThat(nodate).hasSize(2);
    assertThat(nodate.get(1).line()).isEqualTo(9);
    assertThat(field(nodate.get(1), "occurred_at")).as("no date_begin / date_end").isEmpty();
  }

  @Test
  void folderListsOnlyPbFiles() {
    assertThat(LandingFiles.expand(FIX, SourceFormat.PABULIB::accepts)).extracting(p -> p.getFileName().toString())
        .containsExactly("broken.pb", "nodate.pb", "testville_2023.pb");
  }

  @Test
  void ingestReconcilesAndQuarantinesWithFileLineAndReason() {
    SourceIngest run = new SourceIngest(tmp.resolve("lake"), "Europe/Warsaw", FIX.resolve("communities.csv"),
        SourceFormat.PABULIB, LandingFiles.expand(FIX, SourceFormat.PABULIB::accepts));
    assertThat(run.counts.summaryLine()).as("v1, v2, w1, w2 inserted; line 23 repeats v1")
        .isEqualTo("ingest dataset=participation read=12 inserted=4 updated=0 unchanged=1 quarantined=7");
    Map<String, String> expected = new TreeMap<>(Map.of("broken.pb:1", "bad_section", "broken.pb:12", "too_few_fields",
        "broken.pb:13", "too_many_fields", "nodate.pb:9", "missing_required", "testville_2023.pb:21", "too_few_fields",
        "testville_2023.pb:22", "missing_required", "testville_2023.pb:24", "too_many_fields"));
    assertThat(run.reasonsByLine()).containsExactlyEntriesOf(expected);
    Map<String, Row> rows = run.curated("participation_id");
    assertThat(rows.keySet()).as("sorted ids").containsExactly("pb:testland_testville_2024:w1",
        "pb:testland_testville_2024:w2", ACT + ":v1", ACT + ":v2");
    Row v1 = rows.get(ACT + ":v1");
    assertThat(((Timestamp) v1.getAs("occurred_at")).toInstant()).as("noon CEST")
        .isEqualTo(Instant.parse("2023-05-14T10:00:00Z"));
    assertThat((String) v1.getAs("resident_key")).isEqualTo(SourceIngest.residentKey(ACT + "/v1"));
    assertThat((String) v1.getAs("activity_type")).isEqualTo("vote");
    assertThat(((Timestamp) rows.get("pb:testland_testville_2024:w1").getAs("occurred_at")).toInstant())
        .as("noon CET").isEqualTo(Instant.parse("2024-12-31T11:00:00Z"));
  }
}
