package org.civicpulse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.civicpulse.config.ConfigKeys;
import org.civicpulse.ingest.InputException;
import org.civicpulse.lake.LakeLock;
import org.civicpulse.lake.RunHistory;
import org.civicpulse.lake.SmallTableReader;
import org.civicpulse.lake.TableFreshness;
import org.civicpulse.stream.CheckpointLag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** status: health at a glance without Spark — exit 0 healthy, 1 past a threshold (for a monitor). */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Health at a glance: the last run of each command and the last failure, the lake lock, how recent",
        "each curated table and mart is, and each stream checkpoint's last batch and lag.",
        "Exit 0 healthy; 1 when status.max_age_hours or status.max_lag is passed (or a broker given does not answer)."})
public final class StatusCommand implements Callable<Integer> {
  /** How long the broker may take to answer before the lag is reported unknown. */
  static final Duration BROKER_TIMEOUT = Duration.ofSeconds(10);

  @Mixin CommonOptions common;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;
  @Option(names = "--checkpoint", paramLabel = "DIR",
      description = "A stream checkpoint to report (repeatable; default: stream.checkpoint when that folder exists).")
  List<Path> checkpoints = new ArrayList<>();
  @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers to measure each checkpoint's lag against (without it: no lag).")
  String bootstrap;

  @Override
  public Integer call() throws Exception {
    return CommandRunner.run("status", common, spec.commandLine().getParseResult().originalArgs(), false, ctx -> {
      if (!Files.isDirectory(ctx.lake.root())) {
        throw new InputException("lake not found: " + ctx.lake.root());
      }
      StatusReport report = new StatusReport(ctx.lake.root().toString(), Instant.now(), ctx.config.zone(),
          RunHistory.read(ctx.lake), LakeLock.holder(ctx.lake.lockFile()),
          new TableFreshness(new SmallTableReader(ctx.config.zone()), ctx.lake, ctx.config.zone()).all(),
          checkpoints(ctx), ctx.config.getDouble(ConfigKeys.STATUS_MAX_AGE_HOURS), ctx.config.getInt(ConfigKeys.STATUS_MAX_LAG));
      if (json) {
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.json()));
      } else {
        System.out.print(report.text());
      }
      return report.healthy() ? ExitCodes.OK : ExitCodes.FAILED;
    });
  }

  private List<CheckpointLag.State> checkpoints(RunContext ctx) throws Exception {
    List<Path> dirs = new ArrayList<>(checkpoints);
    if (dirs.isEmpty() && Files.isDirectory(ctx.config.path(ConfigKeys.STREAM_CHECKPOINT))) {
      dirs.add(ctx.config.path(ConfigKeys.STREAM_CHECKPOINT));
    }
    List<CheckpointLag.State> out = new ArrayList<>();
    for (Path d : dirs) {
      if (!Files.isDirectory(d)) {
        throw new InputException("checkpoint not found: " + d);
      }
      CheckpointLag.State s = CheckpointLag.read(d);
      out.add(bootstrap == null ? s : CheckpointLag.withLag(s, bootstrap, BROKER_TIMEOUT));
    }
    return out;
  }
}
