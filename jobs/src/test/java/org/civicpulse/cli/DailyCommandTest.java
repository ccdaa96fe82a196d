package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** daily: ingests only files the ledger has not seen, recomputes the touched dates, writes the report. */
class DailyCommandTest {
  static final Path FIX = Path.of("src/test/resources/fixtures/ingest").toAbsolutePath();
  @TempDir Path tmp;

  @BeforeAll
  static void sharedSession() {
    org.civicpulse.testing.SharedSpark.get();
  }

  private String run(int expectedCode, String... args) {
    return CliOut.run(expectedCode, args);
  }

  @Test
  void secondRunSkipsIngestedFilesAndRecomputesOnlyTheReportDate() throws Exception {
    Path landing = tmp.resolve("landing");
    Files.createDirectories(landing);
    for (String f : new String[] {"communities.csv", "categories.csv", "requests-2.csv"}) {
      Files.copy(FIX.resolve(f), landing.resolve(f));
    }
    String lake = tmp.resolve("lake").toString();
    String out = tmp.resolve("reports").toString();
    String first = run(0, "daily", "--landing", landing.toString(), "--lake", lake, "--out", out, "--dev-key", "--date", "2024-01-12");
    // requests-2.csv alone: R1 (closed), R2, R18 are new; the earliest touched day is R1's creation, 2024-01-10
    assertThat(first).contains("ingest dataset=service_requests read=3 inserted=3 updated=0 unchanged=0 quarantined=0",
        "daily status=ok marts=2024-01-10..2024-01-12");
    assertThat(tmp.resolve("reports/2024-01-12/index.html")).isNotEmptyFile();
    assertThat(Files.readAllLines(tmp.resolve("lake/_runs/ingested-files.tsv"))).hasSize(3);

    String second = run(0, "daily", "--landing", landing.toString(), "--lake", lake, "--out", out, "--dev-key", "--date", "2024-01-12");
    assertThat(second).doesNotContain("ingest dataset=").contains("daily status=ok marts=2024-01-12..2024-01-12");
  }
}
