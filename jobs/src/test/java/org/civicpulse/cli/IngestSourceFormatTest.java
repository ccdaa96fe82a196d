package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ingest --format kcsurvey|pabulib|polis on the command line: which option it reads, folders, exit codes. */
class IngestSourceFormatTest {
  static final Path RES = Path.of("src/test/resources").toAbsolutePath();
  @TempDir Path tmp;

  @BeforeAll
  static void sharedSession() {
    org.civicpulse.testing.SharedSpark.get();
  }

  @Test
  void pabulibFolderOfPbFilesIsParticipationAndItsQuarantineShareDecidesTheExitCode() {
    String lake = tmp.resolve("lake").toString();
    String out = CliOut.run(1, "ingest", "--format", "pabulib", "--lake", lake, "--dev-key",
        "--communities", RES.resolve("pabulib/communities.csv").toString(),
        "--participation", RES.resolve("pabulib").toString());
    assertThat(out.lines().toList()).as("7 of 12 quarantined is above the default 5 %: exit 1").containsExactly(
        "ingest dataset=communities read=3 inserted=3 updated=0 unchanged=0 quarantined=0",
        "ingest dataset=participation read=12 inserted=4 updated=0 unchanged=1 quarantined=7");
    String again = CliOut.run(0, "ingest", "--format", "pabulib", "--lake", lake, "--dev-key",
        "--set", "ingest.max_quarantine_share=0.6", "--participation", RES.resolve("pabulib").toString());
    assertThat(again.lines().toList()).as("a rerun inserts nothing: the 4 stored ballots and the repeat are unchanged").containsExactly(
        "ingest dataset=participation read=12 inserted=0 updated=0 unchanged=5 quarantined=7");
  }

  @Test
  void sourceFormatWithoutItsDatasetOptionIsExit2() {
    String lake = tmp.resolve("lake").toString();
    CliOut.run(2, "ingest", "--format", "kcsurvey", "--lake", lake, "--dev-key",
        "--participation", RES.resolve("kcsurvey/survey.csv").toString());
  }
}
