package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five commands of docs/real-data.md "Onboard a new city", end to end on a small export in another city's shape
 * (12-hour month-first times, America/Chicago, its own column names and status words), and the onboarding commands'
 * answers to bad input: one line, exit 2.
 */
class OnboardingCommandsTest {
  @TempDir Path tmp;

  /** Riverton's export (ingest/CityExports): 8 rows, one of them closed without a close time. */
  static final String EXPORT = org.civicpulse.ingest.CityExports.RIVERTON;

  @Test
  void theFiveCommandsOfTheHowToTakeAnExportToAReport() throws Exception {
    // --set timezone=… sets the shared session's zone; the tests after this one expect the shared default back.
    String zone = SharedSpark.get().conf().get("spark.sql.session.timeZone");
    try {
      fiveCommands();
    } finally {
      SharedSpark.get().conf().set("spark.sql.session.timeZone", zone);
    }
  }

  private void fiveCommands() throws Exception {
    Path export = tmp.resolve("riverton.csv");
    Files.writeString(export, EXPORT, StandardCharsets.UTF_8);
    Path mapping = tmp.resolve("riverton.properties");
    String e = export.toString();
    String m = mapping.toString();
    String lake = tmp.resolve("lake").toString();

    CliOut.run(0, "mapping", "init", "--requests", e, "--zone", "America/Chicago", "--out", m);
    String check = CliOut.run(1, "mapping", "check", "--mapping", m, "--requests", e);
    CliOut.run(0, "reference", "infer", "--format", "city311", "--mapping", m, "--requests", e, "--out",
        tmp.resolve("ref").toString());
    String ingest = CliOut.run(0, "ingest", "--format", "city311", "--mapping", m, "--requests", e,
        "--communities", tmp.resolve("ref/communities.csv").toString(), "--categories", tmp.resolve("ref/categories.csv").toString(),
        "--lake", lake, "--dev-key", "--set", "timezone=America/Chicago", "--set", "ingest.max_quarantine_share=0.5");
    String report = CliOut.run(0, "dashboard", "--from", "2018-04-02", "--to", "2018-04-17", "--lake", lake,
        "--set", "timezone=America/Chicago", "+", "report", "--lake", lake, "--out", tmp.resolve("reports").toString(),
        "--locale", "en", "--set", "timezone=America/Chicago");

    // The draft guessed every status: only R-8 (closed, no close time) is left for the quarantine, so the curated
    // requests end on 04-16 while the dashboard's range ends on R-8's day.
    assertThat(check).startsWith("rows: 8 read, 7 would be curated, 1 would be quarantined (12.5 %)\n"
        + "requests span: 2018-04-02 … 2018-04-16 (local days of created_at)\n"
        + "no area: 1 rows (12.5 %) have an empty area column and go to the single area \"all\"\n")
        .contains("  closed_without_closed_at             1  (12.5 %)\n");
    // What check foresaw is what ingest did.
    Matcher c = Pattern.compile("rows: (\\d+) read, (\\d+) would be curated, (\\d+) would be quarantined").matcher(check);
    assertThat(c.find()).isTrue();
    assertThat(ingest).contains("ingest dataset=service_requests read=" + c.group(1) + " inserted=" + c.group(2)
        + " updated=0 unchanged=0 quarantined=" + c.group(3));
    assertThat(ingest).contains("ingest dataset=communities read=3 inserted=3").contains("ingest dataset=categories read=5 inserted=5");
    assertThat(report).contains("report date=2018-04-17");
    assertThat(Files.readString(tmp.resolve("reports/2018-04-17/index.html"), StandardCharsets.UTF_8))
        .contains("requests 2018-04-02 … 2018-04-16 (newest day: 1 d before the report date)");
  }

  @Test
  void badInputIsOneLineAndExit2() throws Exception {
    Path export = tmp.resolve("riverton.csv");
    Files.writeString(export, EXPORT, StandardCharsets.UTF_8);
    Path renamed = tmp.resolve("renamed.csv");
    Files.writeString(renamed, EXPORT.replace("Case Status", "State of case"), StandardCharsets.UTF_8);
    Path mapping = tmp.resolve("m.properties");
    CliOut.run(0, "mapping", "init", "--requests", export.toString(), "--zone", "America/Chicago", "--out", mapping.toString());
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      CliOut.run(2, "mapping", "init", "--requests", tmp.resolve("missing.csv").toString());
      CliOut.run(2, "mapping", "init", "--requests", export.toString(), "--out", mapping.toString());
      CliOut.run(2, "mapping", "init", "--requests", export.toString(), "--zone", "Mars/Base");
      CliOut.run(2, "mapping", "check", "--mapping", mapping.toString(), "--requests", renamed.toString());
      CliOut.run(2, "mapping", "check", "--mapping", tmp.resolve("none.properties").toString(), "--requests", export.toString());
      CliOut.run(2, "reference", "infer", "--format", "open311", "--mapping", mapping.toString(), "--requests",
          export.toString(), "--out", tmp.toString());
      CliOut.run(2, "mapping");
    } finally {
      System.setErr(old);
    }
    String lines = err.toString(StandardCharsets.UTF_8);
    assertThat(lines.lines().toList()).containsExactly(
        "civicpulse init: error: no such file: " + tmp.resolve("missing.csv"),
        "civicpulse init: error: " + mapping + " exists: it may hold your edits (use --force to overwrite it)",
        "civicpulse init: error: --zone: unknown time zone 'Mars/Base' (e.g. America/Chicago, Asia/Shanghai)",
        "civicpulse check: error: city311: column Case Status (mapped to status) is not in the file's header",
        "civicpulse check: error: no such mapping file: " + tmp.resolve("none.properties"),
        "civicpulse infer: error: --format must be city311, not 'open311'",
        "civicpulse mapping: error: name an action: init or check (see: civicpulse mapping --help)");
  }
}
