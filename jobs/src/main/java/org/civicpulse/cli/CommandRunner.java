package org.civicpulse.cli;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civicpulse.config.Config;
import org.civicpulse.config.ConfigKeys;
import org.civicpulse.lake.Lake;
import org.civicpulse.lake.LakeLock;
import org.civicpulse.lake.RunLog;
import org.civicpulse.lake.RunProfile;
import org.civicpulse.lake.RunRecord;

/** Runs a command body with the config resolved, the lake lock held (batch commands) and a _runs record. */
final class CommandRunner {
  /** A command body: returns the exit code. */
  interface Body {
    int run(RunContext ctx) throws Exception;
  }

  private CommandRunner() {}

  static int run(String command, CommonOptions common, List<String> args, boolean lock, Body body) throws Exception {
    Config config = Config.load(common.config, common.sets, System.getenv());
    if (common.lake != null) {
      config = config.with(ConfigKeys.LAKE, common.lake.toAbsolutePath().toString());
    }
    Lake lake = new Lake(config.path(ConfigKeys.LAKE));
    RunProfile profile = new RunProfile();
    Progress progress = new Progress(command, profile);
    RunContext ctx = new RunContext(UUID.randomUUID().toString().substring(0, 8), config, lake, progress, profile);
    Instant start = Instant.now();
    // Commands run side by side in one step of a chain hold the lock together: it keeps other processes out.
    LakeLock held = !lock ? null : ChainStep.role() == ChainStep.Role.ALONE ? LakeLock.acquire(lake.lockFile(), progress)
        : LakeLock.acquireShared(lake.lockFile(), progress);
    AtomicBoolean ended = new AtomicBoolean();
    EndOfRun end = (code, message) -> {
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      if (held != null) {
        held.close();
      }
      profile.detach();
      if (common.profile) {
        System.err.print(profile.render());
      }
      if (lock || !ctx.datasets.isEmpty()) {
        new RunLog(lake).write(new RunRecord(ctx.runId, command, args, start, Instant.now(),
            code == 0 ? "success" : "failed", code, ctx.datasets, message, profile.summary()));
      }
    };
    // TERM or INT (passed on by scripts/civicpulse) ends the JVM through its shutdown hooks while the body still
    // runs: this one releases the lock and records the run as failed, before the JVM halts.
    Thread onSignal = new Thread(() -> end.at(STOPPED, "stopped by a signal (TERM or INT) before it finished"),
        "civicpulse-stopped");
    Runtime.getRuntime().addShutdownHook(onSignal);
    int code = 1;
    String message = null;
    try {
      code = body.run(ctx);
      return code;
    } catch (Exception e) {
      code = ExitCodes.of(e);
      message = e.getMessage();
      throw e;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onSignal);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running or about to: it records the run.
      }
      end.at(code, message);
    }
  }

  /** The exit code of a JVM ended by SIGTERM (128 + 15), as a shell reports it. */
  static final int STOPPED = 143;

  /** Ends a run once, from its own thread or from the shutdown hook, whichever comes first. */
  private interface EndOfRun {
    void at(int code, String message);
  }
}
