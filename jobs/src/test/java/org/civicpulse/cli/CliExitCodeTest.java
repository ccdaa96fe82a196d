package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and one-line errors of README "Running commands", for failures that need no Spark. */
class CliExitCodeTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldErr;

  @BeforeEach
  void captureStderr() {
    oldErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(oldErr);
  }

  private int run(String... args) {
    return CivicPulseCommand.execute(args);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void unknownOptionIsExit2() {
    assertThat(run("ingest", "--no-such-option")).isEqualTo(2);
    assertThat(stderr()).contains("Unknown option: '--no-such-option'");
    assertThat(stderr().lines().toList()).as("one line, no usage text").containsExactly(
        "civicpulse ingest: error: Unknown option: '--no-such-option' (see: civicpulse ingest --help)");
  }

  @Test
  void aBadDateIsOneLineNamingTheOption() {
    assertThat(run("dashboard", "--date", "2025-13-01")).isEqualTo(2);
    assertThat(stderr().lines().toList()).as(stderr()).singleElement().asString()
        .startsWith("civicpulse dashboard: error: Invalid value for option '--date'")
        .endsWith("(see: civicpulse dashboard --help)");
  }

  @Test
  void missingInputFileIsExit2WithOneLineAndNoStackTrace() {
    int code = run("ingest", "--lake", tmp.resolve("lake").toString(), "--requests", tmp.resolve("nope.csv").toString(), "--dev-key");
    assertThat(code).isEqualTo(2);
    assertThat(stderr()).doesNotContain("\tat ");
    assertThat(stderr().lines().filter(l -> l.contains("error"))).singleElement().asString()
        .startsWith("civicpulse ingest: error: input not found: ");
  }

  @Test
  void unknownConfigKeyIsExit2NamingTheKey() {
    int code = run("ingest", "--lake", tmp.resolve("lake").toString(), "--set", "no.such.key=1", "--dev-key");
    assertThat(code).isEqualTo(2);
    assertThat(stderr()).contains("unknown config key 'no.such.key'");
  }

  @Test
  void aMinimumBelowOneIsExit2NamingTheKeyAndTheValue() {
    int code = run("dashboard", "--lake", tmp.resolve("lake").toString(), "--date", "2025-12-31",
        "--set", "hotspots.min_requests=0");
    assertThat(code).isEqualTo(2);
    assertThat(stderr()).doesNotContain("\tat ").contains("bad value for hotspots.min_requests: '0' (at least 1)");
    code = run("dashboard", "--lake", tmp.resolve("lake").toString(), "--date", "2025-12-31",
        "--set", "equity.min_closed=0");
    assertThat(code).isEqualTo(2);
    assertThat(stderr()).contains("bad value for equity.min_closed: '0' (at least 1)");
  }

  @Test
  void lakeLockedByALiveProcessIsExit3NamingTheHolder() throws Exception {
    Path lake = tmp.resolve("lake");
    Files.createDirectories(lake);
    String host = InetAddress.getLocalHost().getHostName();
    long livePid = ProcessHandle.current().pid();
    Files.writeString(lake.resolve("_lock"), host + " " + livePid + " 2026-01-01T00:00:00Z");
    int code = run("ingest", "--lake", lake.toString(), "--requests", tmp.toString(), "--dev-key");
    assertThat(code).isEqualTo(3);
    assertThat(stderr()).contains("host=" + host + " pid=" + livePid + " started=2026-01-01T00:00:00Z");
  }

  @Test
  void staleLockOfADeadProcessIsTakenOverWithAWarning() throws Exception {
    Path lake = tmp.resolve("lake");
    Files.createDirectories(lake);
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    String host = InetAddress.getLocalHost().getHostName();
    Files.writeString(lake.resolve("_lock"), host + " " + p.pid() + " 2026-01-01T00:00:00Z");
    // takes the lock over, then fails on the missing input (2), and releases the lock
    int code = run("ingest", "--lake", lake.toString(), "--requests", tmp.resolve("nope.csv").toString(), "--dev-key");
    assertThat(code).isEqualTo(2);
    assertThat(stderr()).contains("taking over a stale lock of a dead process");
    assertThat(lake.resolve("_lock")).doesNotExist();
  }

  @Test
  void everyCommandHasHelp() {
    for (String cmd : new String[] {"generate", "ingest", "daily", "dashboard", "forecast", "weekly", "report", "quarantine", "maintain", "status"}) {
      assertThat(run(cmd, "--help")).as(cmd).isEqualTo(0);
    }
  }

  @Test
  void replayRefusesAReferenceFileInTheRequestsFolderAsIngestDoesBeforeSendingAnything() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("landing"));
    Files.writeString(folder.resolve("requests-2025.csv"),
        String.join(",", org.civicpulse.schema.Schemas.get(org.civicpulse.schema.Schemas.SERVICE_REQUESTS).landingFieldNames()) + "\n");
    Files.writeString(folder.resolve("communities.csv"), "community_id,name_en,name_zh,district,street,population,households,area_km2\n");
    String refusal = folder.resolve("communities.csv") + ": header has no column 'request_id' (required for service_requests)";

    // Port 1 has no broker: a replay that got past the check would fail connecting, not with this line.
    assertThat(run("replay", "--requests", folder.toString(), "--bootstrap", "127.0.0.1:1")).isEqualTo(2);
    assertThat(stderr().lines().filter(l -> l.contains("error"))).singleElement().asString()
        .isEqualTo("civicpulse replay: error: " + refusal);
    err.reset();
    assertThat(run("ingest", "--lake", tmp.resolve("lake").toString(), "--requests", folder.toString(), "--dev-key"))
        .isEqualTo(2);
    assertThat(stderr().lines().filter(l -> l.contains("error"))).singleElement().asString()
        .isEqualTo("civicpulse ingest: error: " + refusal);
  }
}
