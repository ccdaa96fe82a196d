package org.civicpulse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.config.Config;
import org.civicpulse.config.ConfigKeys;
import org.civicpulse.ingest.InputException;
import org.civicpulse.lake.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** serve: keeps one JVM and Spark session warm for the dashboard, forecast, report and status runs that follow. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Keep a JVM and its Spark session running, so that dashboard, forecast, report and status commands",
        "started with scripts/civicpulse from this folder run in it, without a JVM's and Spark's start-up (one at a",
        "time; anything else, or a command from another folder or build, still starts a JVM of its own). It ends after",
        "--idle-minutes without a command, on `serve --stop`, or when a newer build's command arrives.",
        "scripts/civicpulse picks the socket; docs/performance.md."})
public final class ServeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--socket", paramLabel = "PATH", required = true,
      description = "The Unix socket to serve on (scripts/civicpulse passes its own).")
  Path socket;

  @Option(names = "--idle-minutes", paramLabel = "N", defaultValue = "60",
      description = "Stop after this many minutes without a command (default: ${DEFAULT-VALUE}).")
  int idleMinutes;

  @Option(names = "--warm-up", paramLabel = "N", defaultValue = "16",
      description = {"While idle, warm the session with this many one-day dashboards on a small generated lake of its",
          "own, removed when the session ends; a command that arrives meanwhile pauses it (default: ${DEFAULT-VALUE};",
          "0: none)."})
  int warmUp;

  @Option(names = "--stop", description = "Stop the session serving on the socket, and exit.")
  boolean stop;

  @Override
  public Integer call() throws Exception {
    if (stop) {
      return ServeClient.stop(socket, System.err);
    }
    if (idleMinutes < 1) {
      throw new InputException("--idle-minutes must be at least 1, not " + idleMinutes);
    }
    if (warmUp < 0) {
      throw new InputException("--warm-up must be 0 or more, not " + warmUp);
    }
    Config config = Config.load(common.config, common.sets, System.getenv());
    String cwd = Path.of("").toAbsolutePath().toString();
    String stamp = ResidentProtocol.stamp(Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    try (ResidentSession session = ResidentSession.bind(socket, Duration.ofMinutes(idleMinutes), stamp, cwd,
        ResidentProtocol.relevantEnv(System.getenv()), CivicPulseCommand::execute, System.err)) {
      System.err.println("civicpulse serve: starting Spark");
      SparkSession spark = SparkSessions.create(config.get(ConfigKeys.TIMEZONE),
          config.getInt(ConfigKeys.SHUFFLE_PARTITIONS));
      System.err.println("civicpulse serve: serving " + socket + " (pid " + ProcessHandle.current().pid() + ") for " + cwd
          + " (dashboard, forecast, report, status; stops after " + idleMinutes + " idle minutes)");
      try (SessionWarmUp warm = new SessionWarmUp(Files.createTempDirectory("civicpulse-warm-up-"), warmUp,
          CivicPulseCommand::execute, spark.sparkContext(), System.err)) {
        // Started by the launcher, the session comes right after a command: the next may follow at once, in a
        // JVM of its own, and gets the cores first.
        warm.yieldFor(ResidentSession.YIELD_TO_OWN_JVM);
        int served = session.serve(warm);
        System.err.println("civicpulse serve: stopped after " + served + " commands");
      }
    }
    return ExitCodes.OK;
  }
}
