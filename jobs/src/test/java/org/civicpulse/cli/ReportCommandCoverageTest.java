package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.report.SourceCoverage;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report on a real Delta lake whose requests stop months before the marts' last day: the coverage comes from the
 * curated tables in the configured zone, the date defaults to the marts' last day, and the terminal is warned.
 */
class ReportCommandCoverageTest {
  @TempDir Path tmp;

  @Test
  void aReportPastTheLastRequestSaysSoOnStderrAndOnThePage() throws Exception {
    SparkSession spark = SharedSpark.get(); // session time zone Asia/Shanghai
    Lake lake = new Lake(tmp.resolve("lake"));
    DeltaStore store = new DeltaStore(spark);
    // 16:30 UTC on 10-15 is 00:30 on 10-16 in Shanghai: the last request day is 2025-10-16.
    store.overwrite(spark.sql("SELECT * FROM VALUES ('r1', TIMESTAMP'2025-10-01 10:00:00'),"
        + " ('r2', TIMESTAMP'2025-10-15 16:30:00+00:00') AS t(request_id, created_at)"), lake.curated("service_requests"), null);
    store.overwrite(spark.sql("SELECT * FROM VALUES ('f1', TIMESTAMP'2025-12-31 09:00:00') AS t(feedback_id, submitted_at)"),
        lake.curated("feedback"), null);
    store.overwrite(spark.sql("SELECT * FROM VALUES (DATE'2025-12-30', 'ALL', 'ALL', 0), (DATE'2025-12-31', 'ALL', 'ALL', 0)"
        + " AS t(date, community_id, category, volume)"), lake.mart("kpis_daily"), null);

    assertThat(new ReportInputs(lake, ZoneId.of("Asia/Shanghai")).coverage()).containsExactly(
        new SourceCoverage("requests", java.time.LocalDate.of(2025, 10, 1), java.time.LocalDate.of(2025, 10, 16), 2),
        new SourceCoverage("feedback", java.time.LocalDate.of(2025, 12, 31), java.time.LocalDate.of(2025, 12, 31), 1),
        SourceCoverage.empty("participation"));

    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    String out;
    try {
      out = CliOut.run(0, "report", "--lake", lake.root().toString(), "--out", tmp.resolve("reports").toString(),
          "--locale", "en");
    } finally {
      System.setErr(old);
    }
    assertThat(out).as("no --date: the marts' last day").contains("report date=2025-12-31");
    // 2025-10-16 → 2025-12-31: 15 days of October, 30 of November, 31 of December.
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("civicpulse report: warning: report date 2025-12-31 is 76"
        + " days after the last day with requests data (2025-10-16)").doesNotContain("feedback data");
    assertThat(Files.readString(tmp.resolve("reports/2025-12-31/index.html"), StandardCharsets.UTF_8))
        .contains("requests 2025-10-01 … 2025-10-16 (newest day: 76 d before the report date)")
        .contains("participation: no rows")
        .contains("The report date 2025-12-31 is after the last day with requests data (2025-10-16, 76 d earlier).");
  }
}
