package org.civicpulse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.civicpulse.config.ConfigKeys;
import org.civicpulse.ingest.City311Mapping;
import org.civicpulse.ingest.DatasetCounts;
import org.civicpulse.ingest.IngestJob;
import org.civicpulse.ingest.InputException;
import org.civicpulse.ingest.LandingFiles;
import org.civicpulse.ingest.SourceFormat;
import org.civicpulse.privacy.Pseudonymizer;
import org.civicpulse.schema.Schemas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** ingest: landing files → curated tables + quarantine, one summary line per dataset on stdout. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Validate landing files and load them into the lake's curated tables; rejects go to quarantine.")
public final class IngestCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin FactFileOptions facts;
  @Option(names = "--communities", paramLabel = "PATH", description = "Communities reference file.")
  Path communities;
  @Option(names = "--categories", paramLabel = "PATH", description = "Categories reference file.")
  Path categories;
  @Option(names = "--landing", paramLabel = "DIR",
      description = "A landing folder: every dataset found in it by file name (requests*, feedback*, participation*, communities*, categories*).")
  Path landing;
  @Option(names = "--format", defaultValue = "csv", description = "Input format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;
  @Option(names = "--mapping", paramLabel = "FILE", description = "Mapping file for --format city311.")
  Path mapping;
  @Option(names = "--summary-json", paramLabel = "FILE", description = "Also write the counts as JSON here.")
  Path summaryJson;
  @Option(names = "--dev-key", description = "Use a fixed, non-secret development key for pseudonyms (never in production).")
  boolean devKey;

  /**
   * Landing formats: csv, json (JSON Lines, chosen per file by extension); open311 and city311 (--requests only,
   * with --mapping); kcsurvey (--feedback), pabulib and polis (--participation): see docs/real-data.md.
   */
  enum Format { csv, json, open311, city311, kcsurvey, pabulib, polis }

  @Override
  public Integer call() throws Exception {
    return CommandRunner.run("ingest", common, spec.commandLine().getParseResult().originalArgs(), true, ctx -> {
      City311Mapping city = null;
      if (format == Format.city311) {
        if (mapping == null) {
          throw new InputException("--format city311 needs --mapping FILE (see conf/mappings/)");
        }
        city = City311Mapping.load(mapping);
      } else if (mapping != null) {
        throw new InputException("--mapping is only used with --format city311");
      }
      Pseudonymizer pseudonymizer = pseudonymizer(devKey, ctx.progress);
      Map<String, List<Path>> files = inputs();
      SourceFormat source = source(files);
      if (files.isEmpty()) {
        throw new InputException("nothing to ingest: give --landing DIR or at least one of --requests, --feedback, --participation, --communities, --categories");
      }
      List<Path> given = new ArrayList<>(facts.given());
      given.add(landing);
      LandingFiles.report(files, LandingFiles.skipped(given, files), ctx.progress);
      IngestJob job = new IngestJob(ctx.store(), ctx.lake, ctx.config.get(ConfigKeys.TIMEZONE), ctx.config.slaOverrides(),
          pseudonymizer, ctx.runId, ctx.progress).open311Requests(format == Format.open311)
          .city311Requests(city);
      if (source != null) {
        job.adapter(source.dataset(), source);
      }
      int code = printCounts(job.run(files), ctx);
      if (summaryJson != null) {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .writeValue(summaryJson.toFile(), Map.of("run_id", ctx.runId, "datasets", ctx.datasets));
      }
      return code;
    });
  }

  /**
   * Prints the summary line of each dataset, records it for _runs, and returns 1 when a dataset's quarantined
   * share exceeds ingest.max_quarantine_share (README "Running commands"), else 0.
   */
  static int printCounts(List<DatasetCounts> counts, RunContext ctx) {
    double limit = ctx.config.getDouble(ConfigKeys.MAX_QUARANTINE_SHARE);
    int code = ExitCodes.OK;
    for (DatasetCounts c : counts) {
      System.out.println(c.summaryLine());
      ctx.datasets.add(asMap(c));
      if (c.quarantineShare() > limit) {
        ctx.progress.accept(String.format("%s: %.1f %% quarantined, above ingest.max_quarantine_share=%s",
            c.dataset(), 100 * c.quarantineShare(), limit));
        code = ExitCodes.FAILED;
      }
    }
    System.out.flush();
    return code;
  }

  /** The key from the environment, or the development key with --dev-key; otherwise a clear error. */
  static Pseudonymizer pseudonymizer(boolean devKey, Progress progress) {
    String key = System.getenv(Pseudonymizer.KEY_ENV);
    if (key != null && !key.isBlank()) {
      return Pseudonymizer.withKey(key);
    }
    if (devKey) {
      progress.accept("warning: --dev-key: pseudonyms use a fixed development key; do not use with real residents' data");
      return Pseudonymizer.development();
    }
    throw new InputException(Pseudonymizer.KEY_ENV + " is not set: export a secret key (e.g. `openssl rand -hex 32`), or pass --dev-key for development data");
  }

  /**
   * The real-data source of --format kcsurvey|pabulib|polis, or null; its dataset's files are listed again with the
   * source's own file names (a folder of .pb files, Polis comments/votes without conversation.json).
   */
  private SourceFormat source(Map<String, List<Path>> files) {
    SourceFormat s = switch (format) {
      case kcsurvey -> SourceFormat.KCSURVEY;
      case pabulib -> SourceFormat.PABULIB;
      case polis -> SourceFormat.POLIS;
      default -> null;
    };
    if (s == null) {
      return null;
    }
    Path given = s.dataset().equals(Schemas.FEEDBACK) ? facts.feedback : facts.participation;
    if (given == null || landing != null) {
      throw new InputException("--format " + s.optionName() + " reads --" + s.dataset()
          + " FILE_OR_DIR (and no --landing)");
    }
    files.put(s.dataset(), LandingFiles.expand(given, s::accepts));
    return s;
  }

  private Map<String, List<Path>> inputs() {
    Map<String, List<Path>> files = landing != null ? fromLanding(landing) : new LinkedHashMap<>();
    put(files, Schemas.COMMUNITIES, communities);
    put(files, Schemas.CATEGORIES, categories);
    facts.putInto(files);
    return files;
  }

  /** Every dataset found in a landing folder by file name. */
  static Map<String, List<Path>> fromLanding(Path landing) {
    Map<String, List<Path>> files = new LinkedHashMap<>();
    for (String ds : IngestJob.ORDER) {
      String prefix = ds.equals(Schemas.SERVICE_REQUESTS) ? "requests" : ds;
      List<Path> found = LandingFiles.inLanding(landing, prefix);
      if (!found.isEmpty()) {
        files.put(ds, found);
      }
    }
    return files;
  }

  private static void put(Map<String, List<Path>> files, String ds, Path given) {
    FactFileOptions.put(files, ds, given);
  }

  static Map<String, Object> asMap(DatasetCounts c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dataset", c.dataset());
    m.put("read", c.read());
    m.put("inserted", c.inserted());
    m.put("updated", c.updated());
    m.put("unchanged", c.unchanged());
    m.put("quarantined", c.quarantined());
    return m;
  }
}
