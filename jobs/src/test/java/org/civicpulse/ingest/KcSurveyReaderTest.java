package org.civicpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kansas City survey → feedback, over the hand-written fixture src/test/resources/kcsurvey/survey.csv. */
class KcSurveyReaderTest {
  static final Path FIX = Path.of("src/test/resources/kcsurvey");
  @TempDir Path tmp;

  private static String field(RawRecord r, String name) {
    return r.fields().get(FactHeaders.FEEDBACK.indexOf(name));
  }

  @Test
  void mapsRatingDistrictWaveDateChannelAndScopedRespondent() {
    List<RawRecord> rs = SourceIngest.records(SourceFormat.KCSURVEY, SourceIngest.read(FIX.resolve("survey.csv")));
    assertThat(rs).as("synthetic header + 11 respondents").hasSize(12);
    assertThat(rs.get(0).fields()).isEqualTo(FactHeaders.FEEDBACK);
    RawRecord a = rs.get(1);
    assertThat(a.line()).as("header is line 1").isEqualTo(2);
    assertThat(a.fields()).as("respondent 101, wave 1QSEP2021").containsExactly("kcmo-rs-1QSEP2021-101",
        "2021-09-15T12:00:00", "1", "", "4", "web", "", "kcmo-rs/1QSEP2021/101");
    assertThat(rs.get(2).fields()).as("9 = don't know is no feedback").isNull();
    assertThat(rs.get(2).structuralReasons()).singleElement().asString().startsWith("no_rating:");
    assertThat(field(rs.get(3), "rating")).as("7 passes through for the range check").isEqualTo("7");
    assertThat(field(rs.get(5), "submitted_at")).as("2QDEC2021 → 15 Dec").isEqualTo("2021-12-15T12:00:00");
    assertThat(field(rs.get(5), "channel")).as("Mail").isEqualTo("other");
    assertThat(field(rs.get(6), "feedback_id")).as("no respondent id, no feedback id").isEmpty();
    assertThat(field(rs.get(6), "resident_id")).isEmpty();
    assertThat(rs.get(7).structuralReasons()).singleElement().asString().startsWith("too_few_fields: 5 fields");
    assertThat(field(rs.get(8), "submitted_at")).as("unknown wave code passes through").isEqualTo("XQ2021");
    assertThat(field(rs.get(11), "submitted_at")).isEqualTo("2022-03-15T12:00:00");
    assertThat(field(rs.get(11), "channel")).as("Phone").isEqualTo("hotline");
  }

  @Test
  void folderTakesWavesButNotTheCodebook() {
    assertThat(SourceFormat.KCSURVEY.accepts(Path.of("kcmo_resident_survey_1QSEP2021.csv"))).isTrue();
    assertThat(SourceFormat.KCSURVEY.accepts(Path.of("wave4.csv.gz"))).isTrue();
    assertThat(SourceFormat.KCSURVEY.accepts(Path.of("CODEBOOK_variable_labels.csv"))).isFalse();
    assertThat(SourceFormat.KCSURVEY.accepts(Path.of("notes.json"))).isFalse();
  }

  @Test
  void missingSourceColumnStopsTheRunNamingIt() {
    assertThatThrownBy(() -> SourceIngest.records(SourceFormat.KCSURVEY, "id,method,counci,quarte\n1,Web,1,1QSEP2021\n"))
        .isInstanceOf(InputException.class).hasMessage("kcsurvey: column q3_10 is not in the file's header");
  }

  @Test
  void ingestReconcilesAndQuarantinesEveryNonRating() {
    SourceIngest run = new SourceIngest(tmp.resolve("lake"), "America/Chicago", FIX.resolve("communities.csv"),
        SourceFormat.KCSURVEY, List.of(FIX.resolve("survey.csv")));
    assertThat(run.counts.summaryLine()).as("101, 105, 110 inserted; line 10 repeats 101 exactly")
        .isEqualTo("ingest dataset=feedback read=11 inserted=3 updated=0 unchanged=1 quarantined=7");
    assertThat(run.reasonsByLine()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
        "survey.csv:3", "no_rating", "survey.csv:4", "out_of_range", "survey.csv:5", "unknown_community",
        "survey.csv:7", "missing_required", "survey.csv:8", "too_few_fields", "survey.csv:9", "bad_timestamp",
        "survey.csv:11", "bad_number")));
    Map<String, Row> rows = run.curated("feedback_id");
    assertThat(rows.keySet()).containsExactly("kcmo-rs-1QSEP2021-101", "kcmo-rs-2QDEC2021-105", "kcmo-rs-3QMAR2022-110");
    Row a = rows.get("kcmo-rs-1QSEP2021-101");
    assertThat(((Timestamp) a.getAs("submitted_at")).toInstant()).as("noon CDT")
        .isEqualTo(Instant.parse("2021-09-15T17:00:00Z"));
    assertThat(((Timestamp) rows.get("kcmo-rs-2QDEC2021-105").getAs("submitted_at")).toInstant()).as("noon CST")
        .isEqualTo(Instant.parse("2021-12-15T18:00:00Z"));
    assertThat((Integer) a.getAs("rating")).isEqualTo(4);
    assertThat((String) a.getAs("community_id")).isEqualTo("1");
    assertThat((String) a.getAs("request_id")).as("unlinked").isNull();
    assertThat((String) a.getAs("resident_key")).as("HMAC of the wave-scoped respondent id, never the id")
        .isEqualTo(SourceIngest.residentKey("kcmo-rs/1QSEP2021/101")).hasSize(64);
  }
}
