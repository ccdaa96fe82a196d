package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.civicpulse.schema.Schemas;
import org.civicpulse.stream.StreamJob;
import org.civicpulse.testing.KafkaBroker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * TERM sent to scripts/civicpulse itself — what a supervisor's stop or a script's {@code kill <pid>} does — stops
 * its JVM cleanly: no JVM outlives the launcher, the lock is released, a batch run is recorded as failed with the
 * JVM's exit code, and the next run on the same lake or checkpoint starts. An integration test (failsafe): the
 * script runs the packaged app. A small generated lake (about 2,000 requests over the first half of 2025) keeps a
 * dashboard busy long enough to be stopped in the middle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LauncherSignalsIT {
  static final Path SCRIPT = LogDirIT.SCRIPT;

  private Path tmp;
  private Path lake;

  @BeforeAll
  void smallLake() throws Exception {
    tmp = Files.createTempDirectory("cp-launcher-signals");
    Path landing = tmp.resolve("landing");
    lake = tmp.resolve("lake");
    assertThat(run(List.of("generate", "--out", landing.toString(), "--requests", "2000", "--communities", "3",
        "--start", "2025-01-01", "--end", "2025-06-30"))).isZero();
    assertThat(run(List.of("ingest", "--landing", landing.toString(), "--lake", lake.toString(), "--dev-key"))).isZero();
  }

  @Test
  void termToTheLauncherStopsADashboardWhichReleasesTheLockAndRecordsFailed() throws Exception {
    Process p = start(List.of("dashboard", "--lake", lake.toString(), "--from", "2025-01-01", "--to", "2025-06-30"));
    Path lock = lake.resolve("_lock");
    waitFor(() -> Files.exists(lock), "the dashboard took the lake lock");
    Thread.sleep(3_000); // inside Spark's start or the first metric jobs
    assertThat(jvmsOn(lake)).as("the dashboard's JVM, found by its arguments").hasSize(1);
    p.destroy(); // SIGTERM to the launcher's own pid, not its process group

    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the launcher ended").isTrue();
    assertThat(p.exitValue()).as("the JVM's exit code: ended by TERM").isEqualTo(143);
    assertThat(jvmsOn(lake)).as("JVMs left running on the lake").isEmpty();
    assertThat(lock).as("lake lock released").doesNotExist();
    String record = newestRun("dashboard");
    assertThat(record).contains("\"status\" : \"failed\"", "\"exitCode\" : 143", "stopped by a signal");

    assertThat(run(List.of("dashboard", "--lake", lake.toString(), "--date", "2025-06-30")))
        .as("the next dashboard on the lake").isZero();
  }

  @Test
  void termToTheLauncherStopsAStreamWhichReleasesItsCheckpoint() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start(tmp.resolve("broker"), 1)) {
      Map<String, String> topics = broker.datasetTopics("signals", 1);
      Path checkpoint = tmp.resolve("checkpoint");
      List<String> stream = new ArrayList<>(List.of("stream", "--lake", lake.toString(), "--bootstrap", broker.bootstrap(),
          "--checkpoint", checkpoint.toString(), "--dev-key", "--set", "stream.trigger_seconds=1",
          "--set", "stream.topic.requests=" + topics.get(Schemas.SERVICE_REQUESTS),
          "--set", "stream.topic.feedback=" + topics.get(Schemas.FEEDBACK),
          "--set", "stream.topic.participation=" + topics.get(Schemas.PARTICIPATION),
          "--set", "stream.topic.alerts=signals.alerts"));
      Process p = start(stream);
      waitFor(() -> Files.isDirectory(checkpoint.resolve("offsets")), "the stream's query started");
      assertThat(jvmsOn(checkpoint)).as("the stream's JVM, found by its arguments").hasSize(1);
      p.destroy();

      assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the launcher ended").isTrue();
      assertThat(p.exitValue()).as("a stream stopped by TERM finishes its batch and exits cleanly").isZero();
      assertThat(jvmsOn(checkpoint)).as("JVMs left running on the checkpoint").isEmpty();
      assertThat(StreamJob.lockFile(checkpoint)).as("checkpoint lock released").doesNotExist();

      stream.add("--available-now");
      assertThat(run(stream)).as("the next stream on the checkpoint").isZero();
    }
  }

  private Process start(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(SCRIPT.toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(tmp.resolve("stderr-" + args.get(0) + ".txt").toFile());
    pb.environment().put("CIVICPULSE_LOG_DIR", "off");
    return pb.start();
  }

  /** Runs the script to its end; returns its exit code. */
  private int run(List<String> args) throws Exception {
    Process p = start(args);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished: " + args).isTrue();
    return p.exitValue();
  }

  /** Live JVMs with the path among their arguments, from /proc (ProcessHandle.Info leaves a JVM's long command line out). */
  private static List<Long> jvmsOn(Path path) {
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
        .filter(pid -> commandLine(pid).contains("org.apache.spark.deploy.SparkSubmit")
            && commandLine(pid).contains(path.toString()))
        .toList();
  }

  private static String commandLine(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
          .replace('\0', ' ');
    } catch (java.io.IOException gone) {
      return "";
    }
  }

  private String newestRun(String command) throws Exception {
    try (var files = Files.list(lake.resolve("_runs"))) {
      Path newest = files.filter(f -> f.getFileName().toString().contains("-" + command + "-"))
          .max(Comparator.comparing(f -> f.getFileName().toString())).orElseThrow();
      return Files.readString(newest, StandardCharsets.UTF_8);
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (!done.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as("waited 2 minutes for: " + what).isLessThan(deadline);
      Thread.sleep(200);
    }
  }
}
