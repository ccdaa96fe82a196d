package org.civicpulse.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/** What to generate: where, how many communities, which dates, the seed and the approximate request count. */
public record GeneratorSpec(Path out, int communities, LocalDate start, LocalDate end, long seed, long requests,
    double malformedShare, boolean plantEquity) {

  /** Without the planted equity gaps (every community served alike). */
  public GeneratorSpec(Path out, int communities, LocalDate start, LocalDate end, long seed, long requests,
      double malformedShare) {
    this(out, communities, start, end, seed, requests, malformedShare, false);
  }

  public GeneratorSpec {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (communities < 1 || communities > 999) {
      throw new IllegalArgumentException("communities must be 1..999, got " + communities);
    }
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end " + end + " is before start " + start);
    }
    if (requests < 0) {
      throw new IllegalArgumentException("requests must be >= 0, got " + requests);
    }
    if (!(malformedShare >= 0 && malformedShare <= 0.5)) {
      throw new IllegalArgumentException("malformedShare must be 0..0.5, got " + malformedShare);
    }
  }

  /** The spec of the committed sample data: 12 communities, 2023–2025, seed 20231, 100k requests, 0.5 % malformed. */
  public static GeneratorSpec defaults(Path out) {
    return new GeneratorSpec(out, 12, LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31), 20231L, 100_000L, 0.005);
  }
}
