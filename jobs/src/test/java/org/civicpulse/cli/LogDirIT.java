package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/civicpulse writes its log where configured: CIVICPULSE_LOG_DIR &gt; --set log.dir &gt;
 * CIVICPULSE_SET_LOG_DIR &gt; log.dir in the config file (relative to that file's folder) &gt; "logs".
 *
 * <p>An integration test (failsafe): the script runs the packaged app, which exists only after package. Each run is
 * a bad --date, so the app stops after parsing (about two seconds) with exit 2 and one error line on stderr, which
 * the log must hold.
 */
class LogDirIT {
  static final Path SCRIPT = Path.of("..").toAbsolutePath().normalize().resolve("scripts/civicpulse");

  @TempDir Path tmp;

  @Test
  void relativeLogDirInTheConfigFileResolvesAgainstThatFilesFolderNotTheWorkingFolder() throws Exception {
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));
    Path config = writeConfig(tmp.resolve("etc/prod.properties"), "log.dir = ../var/log\n");

    String stdout = runDashboard(cwd, Map.of(), "--config", config.toString());

    Path log = assertLogged(tmp.resolve("var/log"));
    assertThat(stdout).contains("civicpulse dashboard exit=2", "log=" + log);
    assertThat(cwd.resolve("logs")).doesNotExist();
  }

  @Test
  void withoutConfigOptionTheWorkingFoldersConfCivicpulsePropertiesIsRead() throws Exception {
    Path cwd = Files.createDirectories(tmp.resolve("install"));
    writeConfig(cwd.resolve("conf/civicpulse.properties"), "# shipped\nlog.dir: ../var-default\n");

    runDashboard(cwd, Map.of());

    assertLogged(cwd.resolve("var-default"));
  }

  @Test
  void environmentBeatsSetWhichBeatsSetEnvironmentWhichBeatsTheFile() throws Exception {
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));
    Path config = writeConfig(tmp.resolve("etc/prod.properties"), "log.dir = from-file\n");
    Path fromEnv = tmp.resolve("from-env");

    runDashboard(cwd, Map.of("CIVICPULSE_LOG_DIR", fromEnv.toString(), "CIVICPULSE_SET_LOG_DIR", "from-set-env"),
        "--config", config.toString(), "--set", "log.dir=from-set");
    assertLogged(fromEnv);

    runDashboard(cwd, Map.of("CIVICPULSE_SET_LOG_DIR", "from-set-env"), "--config", config.toString(), "--set",
        "log.dir=from-set");
    assertLogged(tmp.resolve("etc/from-set"));

    runDashboard(cwd, Map.of("CIVICPULSE_SET_LOG_DIR", "from-set-env"), "--config", config.toString());
    assertLogged(tmp.resolve("etc/from-set-env"));

    assertThat(tmp.resolve("etc/from-file")).as("the file's value lost every time").doesNotExist();
  }

  @Test
  void withNoConfigFileAtAllTheDefaultIsLogsInTheWorkingFolder() throws Exception {
    Path cwd = Files.createDirectories(tmp.resolve("bare"));
    runDashboard(cwd, Map.of());
    assertLogged(cwd.resolve("logs"));
  }

  private static Path writeConfig(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  /** The folder holds exactly one log, &lt;date&gt;-dashboard.log (the script's date), with this run in it. */
  private static Path assertLogged(Path dir) throws Exception {
    assertThat(dir).isDirectory();
    List<Path> logs;
    try (var s = Files.list(dir)) {
      logs = s.toList();
    }
    assertThat(logs).singleElement().satisfies(
        p -> assertThat(p.getFileName().toString()).matches("\\d{4}-\\d{2}-\\d{2}-dashboard\\.log"));
    Path log = logs.get(0);
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(text).contains("=== civicpulse dashboard --date not-a-date", "Invalid value for option '--date'",
        "=== exit 2");
    return log;
  }

  /** Runs scripts/civicpulse dashboard --date not-a-date ARGS in CWD; returns its stdout. */
  private String runDashboard(Path cwd, Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(SCRIPT.toString(), "dashboard", "--date", "not-a-date"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "stdout", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().remove("CIVICPULSE_LOG_DIR");
    pb.environment().remove("CIVICPULSE_SET_LOG_DIR");
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("finished: " + cmd).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd)).isEqualTo(2);
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
