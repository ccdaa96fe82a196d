package org.civicpulse.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.civicpulse.ingest.City311Mapping;
import org.civicpulse.ingest.CsvRecordReader;
import org.civicpulse.ingest.ExportSample;
import org.civicpulse.ingest.InputException;
import org.civicpulse.ingest.LandingFiles;
import org.civicpulse.ingest.MappingCheck;
import org.civicpulse.ingest.MappingDraft;
import org.civicpulse.ingest.RawRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** mapping init / check: write a draft city311 mapping from an export, and see what a mapping does to it. */
@Command(name = "mapping", mixinStandardHelpOptions = true,
    description = "Onboard a city's CSV export: draft a city311 mapping from it (init), then see what the mapping "
        + "leaves unmapped and would quarantine (check). No lake, no Spark. docs/real-data.md.",
    subcommands = {MappingCommand.Init.class, MappingCommand.Check.class})
public final class MappingCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "name an action: init or check");
  }

  /** A mapping file given on the command line, loaded and checked. */
  static City311Mapping loadMapping(Path mapping) {
    if (!Files.isRegularFile(mapping)) {
      throw new InputException("no such mapping file: " + mapping);
    }
    return City311Mapping.load(mapping);
  }

  /** The export files a --requests FILE_OR_DIR names; none is an error. */
  static List<Path> exportFiles(Path requests) {
    List<Path> files = LandingFiles.expand(requests);
    if (files.isEmpty()) {
      throw new InputException("no .csv or .csv.gz file under " + requests);
    }
    return files;
  }

  /** mapping init. */
  @Command(name = "init", mixinStandardHelpOptions = true,
      description = "Read the header and the first rows of a city's CSV export and write a commented draft mapping: "
          + "the column guessed for each field with its confidence, the time format, status. and channel. lines for "
          + "every value seen. Unresolved fields are commented lines saying so.")
  static final class Init implements Callable<Integer> {
    @Option(names = "--requests", required = true, paramLabel = "FILE", description = "The city's CSV export (.csv or .csv.gz).")
    Path requests;
    @Option(names = "--out", paramLabel = "FILE", description = "Write the draft here (default: print it).")
    Path out;
    @Option(names = "--zone", paramLabel = "ZONE", description = "Zone of the export's local times, e.g. America/Chicago "
        + "(default: left for you to fill in).")
    String zone;
    @Option(names = "--sample", paramLabel = "ROWS", defaultValue = "10000", description = "Rows to look at (default: ${DEFAULT-VALUE}).")
    int sample;
    @Option(names = "--force", description = "Overwrite --out if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
      if (sample < 1) {
        throw new InputException("--sample must be at least 1, not " + sample);
      }
      if (zone != null) {
        try {
          java.time.ZoneId.of(zone);
        } catch (RuntimeException e) {
          throw new InputException("--zone: unknown time zone '" + zone + "' (e.g. America/Chicago, Asia/Shanghai)");
        }
      }
      if (out != null && Files.exists(out) && !force) {
        throw new InputException(out + " exists: it may hold your edits (use --force to overwrite it)");
      }
      String text = new MappingDraft(ExportSample.read(requests, sample), zone).render();
      if (out == null) {
        System.out.print(text);
      } else {
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("mapping draft=" + out.toAbsolutePath() + " (check every line, then: civicpulse mapping check"
            + " --mapping " + out + " --requests " + requests + ")");
      }
      return ExitCodes.OK;
    }
  }

  /** mapping check. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Read an export through a mapping as ingest would and print what the mapping leaves unmapped "
          + "(values and their rows), the share of rows each rule would quarantine, and the days the requests span. "
          + "Writes nothing. Exit 0, or 1 when rows would be quarantined.")
  static final class Check implements Callable<Integer> {
    @Option(names = "--mapping", required = true, paramLabel = "FILE", description = "The city311 mapping.")
    Path mapping;
    @Option(names = "--requests", required = true, paramLabel = "FILE_OR_DIR", description = "The export(s).")
    Path requests;
    @Option(names = "--communities", paramLabel = "FILE", description = "communities.csv to check areas against.")
    Path communities;
    @Option(names = "--categories", paramLabel = "FILE", description = "categories.csv to check categories against.")
    Path categories;
    @Option(names = "--show", paramLabel = "N", defaultValue = "20", description = "Values listed per field (default: ${DEFAULT-VALUE}).")
    int show;

    @Override
    public Integer call() {
      if ((communities == null) != (categories == null)) {
        throw new InputException("give both --communities and --categories, or neither");
      }
      MappingCheck.Result r = MappingCheck.run(loadMapping(mapping), exportFiles(requests), ids(communities), ids(categories));
      System.out.print(MappingCheck.render(r, show));
      return r.quarantined() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** The first column of a reference CSV (header skipped), or null when not given. */
    private static Set<String> ids(Path file) {
      if (file == null) {
        return null;
      }
      Set<String> out = new HashSet<>();
      try (var in = LandingFiles.reader(file)) {
        CsvRecordReader csv = new CsvRecordReader(in);
        if (csv.hasNext()) {
          csv.next();
        }
        while (csv.hasNext()) {
          RawRecord r = csv.next();
          if (r.fields() != null && !r.fields().isEmpty()) {
            out.add(r.fields().get(0).trim());
          }
        }
      } catch (IOException e) {
        throw new InputException("cannot read " + file + ": " + e.getMessage());
      }
      return out;
    }
  }
}
