package org.civicpulse.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.civicpulse.config.ConfigKeys;
import org.civicpulse.ingest.InputException;
import org.civicpulse.ingest.LandingFiles;
import org.civicpulse.ingest.ReplayEvent;
import org.civicpulse.ingest.ReplayPlan;
import org.civicpulse.ingest.ReplaySender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** replay: landing files → Kafka events in event-time order; one count line on stdout. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Send landing files to Kafka as the events a live source would send (request lifecycle events, feedback, participation).")
public final class ReplayCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers (default: config key stream.bootstrap).")
  String bootstrap;
  @Mixin FactFileOptions facts;
  @Option(names = "--rate", paramLabel = "N", description = "At most N events per second (default: as fast as possible).")
  Double rate;
  @Option(names = "--speedup", paramLabel = "F", description = "Pace by event time, compressed F-fold (e.g. 3600: an hour of events per second).")
  Double speedup;

  @Override
  public Integer call() throws Exception {
    return CommandRunner.run("replay", common, spec.commandLine().getParseResult().originalArgs(), false, ctx -> {
      positive("--rate", rate);
      positive("--speedup", speedup);
      Map<String, List<Path>> files = new LinkedHashMap<>();
      facts.putInto(files);
      if (files.isEmpty()) {
        throw new InputException("nothing to replay: give at least one of --requests, --feedback, --participation");
      }
      String servers = bootstrap != null ? bootstrap : ctx.config.get(ConfigKeys.STREAM_BOOTSTRAP);
      // As ingest: every header fits its dataset before one event is sent.
      LandingFiles.checkHeaders(files, ctx.progress);
      LandingFiles.report(files, LandingFiles.skipped(facts.given(), files), ctx.progress);
      ctx.progress.accept("reading landing files");
      List<ReplayEvent> events = ReplayPlan.build(files, ctx.config.zone());
      ctx.progress.accept(String.format("sending %,d events to %s", events.size(), servers));
      ReplaySender.Result r = new ReplaySender(servers, StreamTopics.of(ctx.config).byDataset(), rate, speedup,
          ctx.progress).send(events);
      StringBuilder line = new StringBuilder("replay sent=" + r.total());
      r.sent().forEach((ds, n) -> {
        line.append(' ').append(ds).append('=').append(n);
        ctx.datasets.add(Map.of("dataset", ds, "sent", n));
      });
      System.out.println(line.append(String.format(" seconds=%.1f events_per_s=%.0f", r.seconds(),
          r.total() / Math.max(r.seconds(), 1e-3))));
      return ExitCodes.OK;
    });
  }

  private static void positive(String name, Double v) {
    if (v != null && !(v > 0)) {
      throw new InputException(name + " must be a positive number, got " + v);
    }
  }
}
