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

/** Polis comments and votes → participation, over the hand-written fixtures in src/test/resources/polis/abc123/. */
class PolisReaderTest {
  static final Path FIX = Path.of("src/test/resources/polis");
  static final Path CONV = FIX.resolve("abc123");
  @TempDir Path tmp;

  private static List<RawRecord> read(String file) {
    return SourceIngest.records(SourceFormat.POLIS, SourceIngest.read(CONV.resolve(file)));
  }

  @Test
  void commentsAreDiscussionAndSeedsAreTheOrganisers() {
    List<RawRecord> rs = read("comments.json");
    assertThat(rs).as("header + 3 comments").hasSize(4);
    assertThat(rs.get(1).line()).as("the object's opening line").isEqualTo(2);
    assertThat(rs.get(1).fields()).containsExactly("polis:abc123:c:0", "2021-06-01T10:00:00.000000Z", "polis_abc123",
        "online_discussion", "polis:abc123", "polis:abc123:0", "government");
    assertThat(rs.get(2).line()).isEqualTo(10);
    assertThat(rs.get(2).fields().get(6)).as("not a seed").isEqualTo("resident");
    assertThat(rs.get(3).fields().get(1)).as("created null").isEmpty();
  }

  @Test
  void votesAreConsultationWithEpochMillisAndABrokenTail() {
    List<RawRecord> rs = read("votes.json");
    assertThat(rs).as("header + 6 objects, the last one cut off").hasSize(7);
    assertThat(rs.get(1).fields()).containsExactly("polis:abc123:v:7:0", "2021-06-02T11:00:00Z", "polis_abc123",
        "consultation", "polis:abc123", "polis:abc123:7", "resident");
    assertThat(rs.get(2).raw()).as("raw = the object on one line")
        .isEqualTo("{\"participant_id\":7,\"statement_id\":1,\"vote\":-1,\"modified\":\"soon\",\"conversation_id\":\"abc123\"}");
    assertThat(rs.get(2).fields().get(1)).isEqualTo("soon");
    assertThat(rs.get(3).fields().get(2)).isEqualTo("polis_zzz999");
    assertThat(rs.get(6).line()).isEqualTo(7);
    assertThat(rs.get(6).fields()).isNull();
    assertThat(rs.get(6).structuralReasons()).singleElement().asString().startsWith("bad_json: unreadable JSON");
  }

  @Test
  void folderListsCommentsAndVotesButNotConversation() {
    assertThat(LandingFiles.expand(FIX, SourceFormat.POLIS::accepts)).extracting(p -> p.getFileName().toString())
        .containsExactly("comments.json", "votes.json");
  }

  @Test
  void ingestReconcilesAndQuarantinesWithFileLineAndReason() {
    SourceIngest run = new SourceIngest(tmp.resolve("lake"), "UTC", FIX.resolve("communities.csv"),
        SourceFormat.POLIS, LandingFiles.expand(FIX, SourceFormat.POLIS::accepts));
    assertThat(run.counts.summaryLine()).as("2 comments and votes (7,0), (9,0) inserted")
        .isEqualTo("ingest dataset=participation read=9 inserted=4 updated=0 unchanged=0 quarantined=5");
    assertThat(run.reasonsByLine()).containsExactlyEntriesOf(new TreeMap<>(Map.of(
        "comments.json:18", "missing_required", "votes.json:3", "bad_timestamp", "votes.json:4", "unknown_community",
        "votes.json:6", "conflicting_id", "votes.json:7", "bad_json")));
    Map<String, Row> rows = run.curated("participation_id");
    assertThat(rows.keySet()).containsExactly("polis:abc123:c:0", "polis:abc123:c:1", "polis:abc123:v:7:0",
        "polis:abc123:v:9:0");
    Row v = rows.get("polis:abc123:v:9:0");
    assertThat(((Timestamp) v.getAs("occurred_at")).toInstant()).as("the first vote stands")
        .isEqualTo(Instant.parse("2021-06-02T12:00:00Z"));
    assertThat((String) v.getAs("resident_key")).isEqualTo(SourceIngest.residentKey("polis:abc123:9"));
    assertThat((String) rows.get("polis:abc123:c:0").getAs("participant_role")).isEqualTo("government");
  }
}
