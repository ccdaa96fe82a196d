package org.civicpulse.dashboard;

import java.io.Serializable;
import java.time.LocalDate;

/** An inclusive range of local dates; its SQL literals are used by every metric family. */
public record DateRange(LocalDate from, LocalDate to) implements Serializable {
  public DateRange {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
  }

  public String a() {
    return "DATE'" + from + "'";
  }

  public String b() {
    return "DATE'" + to + "'";
  }

  /** The same range, starting n days earlier (history some metrics compare against). */
  public DateRange extendBack(int days) {
    return new DateRange(from.minusDays(days), to);
  }

  /** The SQL predicate that selects this range of a mart's date column (replaceWhere). */
  public String predicate() {
    return "date >= '" + from + "' AND date <= '" + to + "'";
  }
}
