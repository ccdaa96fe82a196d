package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the launcher starts a resident session by itself (serve_autostart in scripts/lib/common.sh): after a dashboard
 * or forecast, with CIVICPULSE_SERVE at its default, when none serves yet. `setsid` is replaced by a function that
 * prints what it would start; the terminal test is the launcher's, not this function's.
 */
class ServeAutostartTest {
  @TempDir Path dir;

  @Test
  void aDashboardOrForecastStartsOneInTheBackground() throws Exception {
    String started = "setsid -f " + JvmRunFlagsTest.ROOT + "/scripts/civicpulse --driver-memory 6g serve --idle-minutes 30";
    Run dash = autostart(Map.of(), "6g", "dashboard", "--date", "2025-12-31");
    assertThat(dash.out()).isEqualTo(started + "\n");
    assertThat(dash.err()).as("one line saying what started and how to stop it")
        .matches("\\[\\d\\d:\\d\\d:\\d\\d\\] a resident session now starts in the background and warms itself, .*"
            + "scripts/civicpulse serve --stop; CIVICPULSE_SERVE=off: never; README, Running commands\\)\n");
    assertThat(autostart(Map.of("CIVICPULSE_SERVE", "auto"), "6g", "forecast").out()).isEqualTo(started + "\n");
  }

  @Test
  void nothingStartsForOtherCommandsHelpOrWhenTurnedOff() throws Exception {
    assertThat(autostart(Map.of(), "4g", "report", "--date", "2025-12-31")).as("report").isEqualTo(Run.NONE);
    assertThat(autostart(Map.of(), "4g", "ingest+dashboard")).as("a chain").isEqualTo(Run.NONE);
    assertThat(autostart(Map.of(), "4g", "dashboard", "--help")).as("--help").isEqualTo(Run.NONE);
    assertThat(autostart(Map.of("CIVICPULSE_SERVE", "on"), "4g", "dashboard")).as("on: use, never start")
        .isEqualTo(Run.NONE);
    assertThat(autostart(Map.of("CIVICPULSE_SERVE", "off"), "4g", "dashboard")).as("off").isEqualTo(Run.NONE);
  }

  @Test
  void nothingStartsWhenASessionServesAlready() throws Exception {
    try (ServerSocketChannel live = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      live.bind(UnixDomainSocketAddress.of(dir.resolve("s.sock")));
      assertThat(autostart(Map.of(), "4g", "dashboard")).isEqualTo(Run.NONE);
    }
  }

  /** What would have been started (setsid's arguments), and what the function said on stderr. */
  record Run(String out, String err) {
    static final Run NONE = new Run("", "");
  }

  private Run autostart(Map<String, String> env, String heap, String... commandAndArgs) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", "-c", "source scripts/lib/common.sh"
        + " && setsid() { echo \"setsid $*\" >> '" + dir.resolve("started") + "'; } && serve_socket() { echo '" + dir.resolve("s.sock") + "'; }"
        + " && serve_autostart \"$@\"", "autostart", heap));
    cmd.addAll(List.of(commandAndArgs));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(JvmRunFlagsTest.ROOT.toFile());
    pb.environment().remove("CIVICPULSE_SERVE");
    pb.environment().putAll(env);
    Path err = Files.createTempFile(dir, "autostart", ".err");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).as("serve_autostart exit").isZero();
    Path started = dir.resolve("started");
    Run run = new Run(Files.exists(started) ? Files.readString(started) : "", Files.readString(err));
    Files.deleteIfExists(started);
    return run;
  }
}
