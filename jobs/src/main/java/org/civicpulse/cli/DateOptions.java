package org.civicpulse.cli;

import java.time.LocalDate;
import org.civicpulse.dashboard.DateRange;
import picocli.CommandLine.Option;

/** --date D, or --from A --to B. */
public final class DateOptions {
  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "One day.")
  LocalDate date;
  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day of a range (with --to).")
  LocalDate from;
  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day of a range (with --from).")
  LocalDate to;

  DateRange range() {
    if (date != null && (from != null || to != null)) {
      throw new IllegalArgumentException("give either --date or --from/--to, not both");
    }
    if (date != null) {
      return new DateRange(date, date);
    }
    if (from == null || to == null) {
      throw new IllegalArgumentException("give --date D or both --from A and --to B");
    }
    return new DateRange(from, to);
  }
}
