package org.civicpulse.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The first and last local day one curated source has rows for, and how many: what a report's figures stand on. */
public record SourceCoverage(String source, LocalDate first, LocalDate last, long rows) {
  /** The sources a report's figures come from, in the order pages list them. */
  public static final List<String> SOURCES = List.of("requests", "feedback", "participation");

  /** A source with no rows at all. */
  public static SourceCoverage empty(String source) {
    return new SourceCoverage(source, null, null, 0);
  }

  public boolean hasRows() {
    return rows > 0 && last != null;
  }

  /** Days from the newest row's day to d: 0 when it reaches d, negative when it runs past d. */
  public long daysBehind(LocalDate d) {
    return ChronoUnit.DAYS.between(last, d);
  }

  /** Sources that have rows but none on or after d: their figures for the days after their last stop being data. */
  public static List<SourceCoverage> endedBefore(List<SourceCoverage> all, LocalDate d) {
    List<SourceCoverage> out = new ArrayList<>();
    for (SourceCoverage c : all) {
      if (c.hasRows() && c.last.isBefore(d)) {
        out.add(c);
      }
    }
    return out;
  }

  /** One plain line per source that ended before d, for the terminal (stderr). */
  public static List<String> warnings(List<SourceCoverage> all, LocalDate d) {
    List<String> out = new ArrayList<>();
    for (SourceCoverage c : endedBefore(all, d)) {
      out.add("report date " + d + " is " + c.daysBehind(d) + " days after the last day with " + c.source
          + " data (" + c.last + "): the report's figures after that day have no " + c.source + " behind them");
    }
    return out;
  }
}
