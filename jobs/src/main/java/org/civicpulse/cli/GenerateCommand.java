package org.civicpulse.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.civicpulse.generate.GeneratorSpec;
import org.civicpulse.generate.SampleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** generate: realistic synthetic landing files, deterministic by seed. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write realistic synthetic landing files (requests, feedback, participation, communities, categories).")
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
  Path out;
  @Option(names = "--communities", defaultValue = "12", description = "Number of communities (default ${DEFAULT-VALUE}).")
  int communities;
  @Option(names = "--start", defaultValue = "2023-01-01", description = "First day (default ${DEFAULT-VALUE}).")
  LocalDate start;
  @Option(names = "--end", defaultValue = "2025-12-31", description = "Last day (default ${DEFAULT-VALUE}).")
  LocalDate end;
  @Option(names = "--seed", defaultValue = "20231", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;
  @Option(names = "--requests", defaultValue = "100k", paramLabel = "N", description = "About how many requests: 100000, 100k, 5m (default ${DEFAULT-VALUE}).")
  String requests;
  @Option(names = "--malformed-share", defaultValue = "0.005", description = "Share of malformed rows (default ${DEFAULT-VALUE}).")
  double malformedShare;
  @Option(names = "--plant-equity", description = "Plant equity gaps to check the equity lens against: C03 served 40 %% slower for every category, C07 asking for slow categories but served at the city's pace.")
  boolean plantEquity;

  @Override
  public Integer call() throws Exception {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("--end " + end + " is before --start " + start);
    }
    Progress progress = new Progress("generate");
    org.civicpulse.generate.GenerateSummary s = new SampleGenerator(new GeneratorSpec(out, communities, start, end, seed,
        parseCount(requests), malformedShare, plantEquity)).run(progress);
    System.out.println("generate requests=" + s.requests() + " feedback=" + s.feedback() + " participation="
        + s.participation() + " malformed=" + s.malformed() + " out=" + out.toAbsolutePath());
    return ExitCodes.OK;
  }

  static long parseCount(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    long mult = t.endsWith("k") ? 1_000 : t.endsWith("m") ? 1_000_000 : 1;
    String digits = mult == 1 ? t : t.substring(0, t.length() - 1);
    try {
      return Math.round(Double.parseDouble(digits) * mult);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad --requests '" + text + "': use e.g. 100000, 100k or 5m");
    }
  }
}
