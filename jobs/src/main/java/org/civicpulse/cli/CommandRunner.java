package org.civicpulse.cli;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
    LakeLock held = lock ? LakeLock.acquire(lake.lockFile(), progress) : null;
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
    }
  }
}
