package org.civicpulse.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.civicpulse.config.ConfigKeys;
import org.civicpulse.ingest.InputException;
import org.civicpulse.privacy.Pseudonymizer;
import org.civicpulse.stream.AlertPublisher;
import org.civicpulse.stream.BatchCounts;
import org.civicpulse.stream.BatchSink;
import org.civicpulse.stream.LiveMarts;
import org.civicpulse.stream.StreamJob;
import org.civicpulse.stream.StreamSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** stream: Kafka topics → curated tables, quarantine and live marts; one summary line on stdout at the end. */
@Command(name = "stream", mixinStandardHelpOptions = true,
    description = "Read request events, feedback and participation from Kafka into the lake, exactly once per event.")
public final class StreamCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers (default: config key stream.bootstrap).")
  String bootstrap;
  @Option(names = "--topics", paramLabel = "TOPIC", split = ",",
      description = "Topics to read, among the configured stream.topic.requests/feedback/participation (default: all three).")
  java.util.List<String> topics;
  @Option(names = "--checkpoint", paramLabel = "DIR", description = "Checkpoint folder (default: config key stream.checkpoint).")
  Path checkpoint;
  @Option(names = "--available-now", description = "Process everything the topics hold now, then exit (cron and checks).")
  boolean availableNow;
  @Option(names = "--dev-key", description = "Use a fixed, non-secret development key for pseudonyms (never in production).")
  boolean devKey;

  @Override
  public Integer call() throws Exception {
    return CommandRunner.run("stream", common, spec.commandLine().getParseResult().originalArgs(), false, ctx -> {
      StreamTopics configured = StreamTopics.of(ctx.config);
      Map<String, String> byDataset = selected(configured.byDataset());
      Pseudonymizer pseudonymizer = IngestCommand.pseudonymizer(devKey, ctx.progress);
      Path cp = (checkpoint != null ? checkpoint : ctx.config.path(ConfigKeys.STREAM_CHECKPOINT)).toAbsolutePath();
      StreamSettings settings = new StreamSettings(
          bootstrap != null ? bootstrap : ctx.config.get(ConfigKeys.STREAM_BOOTSTRAP), byDataset,
          configured.alerts(), cp, availableNow, positive(ConfigKeys.STREAM_TRIGGER_SECONDS, ctx),
          positive(ConfigKeys.STREAM_MAX_OFFSETS, ctx), ctx.config.get(ConfigKeys.TIMEZONE), ctx.config.slaOverrides(),
          positive(ConfigKeys.STREAM_LATENESS_HOURS, ctx));
      String fallbackAppId = UUID.nameUUIDFromBytes(cp.toString().getBytes(StandardCharsets.UTF_8)).toString();
      BatchSink sink = new BatchSink(ctx.lake, settings, pseudonymizer, fallbackAppId, ctx.progress)
          .listener(new LiveMarts(ctx.lake, settings.latenessHours(),
              new AlertPublisher(settings.bootstrap(), settings.alertsTopic())));
      BatchCounts counts = new StreamJob(ctx.store().spark(), settings, sink, ctx.progress).run();
      System.out.println(counts.summaryLine());
      for (String ds : byDataset.keySet()) {
        ctx.datasets.add(Map.of("dataset", ds, "read", counts.read(ds), "quarantined", counts.quarantined(ds)));
      }
      return ExitCodes.OK;
    });
  }

  private Map<String, String> selected(Map<String, String> configured) {
    if (topics == null || topics.isEmpty()) {
      return configured;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String t : topics) {
      String ds = configured.entrySet().stream().filter(e -> e.getValue().equals(t)).map(Map.Entry::getKey)
          .findFirst().orElseThrow(() -> new InputException("--topics: " + t + " is not one of the configured topics "
              + configured.values() + " (set stream.topic.requests/feedback/participation)"));
      out.put(ds, t);
    }
    return out;
  }

  private static int positive(String key, RunContext ctx) {
    int v = ctx.config.getInt(key);
    if (v <= 0) {
      throw new InputException(key + " must be a positive whole number, got " + v);
    }
    return v;
  }
}
