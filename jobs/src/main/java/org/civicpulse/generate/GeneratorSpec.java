package org.civicpulse.generate;

import java.nio.file.Path;
import java.time.LocalDate;

/** What to generate: where, how many communities, which dates, the seed, about how many requests. */
public record GeneratorSpec(Path out, int communities, LocalDate start, LocalDate end, long seed, long requests,
    double malformedShare) {

  public static GeneratorSpec defaults(Path out) {
    return new GeneratorSpec(out, 12, LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31), 20231, 100_000, 0.005);
  }
}
