package org.civicpulse.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
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
    Config config = Config.load(common.config, common.sets, System.getenv());
    String cwd = Path.of("").toAbsolutePath().toString();
    String stamp = ResidentProtocol.stamp(Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    try (ResidentSession session = ResidentSession.bind(socket, Duration.ofMinutes(idleMinutes), stamp, cwd,
        ResidentProtocol.relevantEnv(System.getenv()), CivicPulseCommand::execute, System.err)) {
      System.err.println("civicpulse serve: starting Spark");
      SparkSessions.create(config.get(ConfigKeys.TIMEZONE), config.getInt(ConfigKeys.SHUFFLE_PARTITIONS));
      System.err.println("civicpulse serve: serving " + socket + " (pid " + ProcessHandle.current().pid() + ") for " + cwd
          + " (dashboard, forecast, report, status; stops after " + idleMinutes + " idle minutes)");
      int served = session.serve();
      System.err.println("civicpulse serve: stopped after " + served + " commands");
    }
    return ExitCodes.OK;
  }
}
