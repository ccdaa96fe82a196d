package org.civicpulse.ingest;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the java.time pattern (as a city311 mapping's time_format) that parses sampled time values, the way
 * City311Reader will parse them. Month-first and day-first patterns both parse "04/12/2018": the guess is then
 * ambiguous and says so unless a value with a day above 12 decides it.
 */
public final class TimeFormatGuess {
  /** Candidates in order of preference; each is tried on every value. */
  static final List<String> PATTERNS = List.of(
      "yyyy-MM-dd'T'HH:mm:ss[.SSSSSS][.SSS]XXX",
      "yyyy-MM-dd'T'HH:mm:ss[.SSSSSS][.SSS]",
      "yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS][.SS][.S]",
      "yyyy-MM-dd HH:mm",
      "yyyy/MM/dd HH:mm:ss",
      "M/d/yyyy h:mm:ss a",
      "M/d/yyyy h:mm a",
      "M/d/yyyy H:mm:ss",
      "M/d/yyyy H:mm",
      "d/M/yyyy h:mm:ss a",
      "d/M/yyyy H:mm:ss",
      "d/M/yyyy H:mm",
      "d.M.yyyy H:mm:ss",
      "d.M.yyyy H:mm");

  /** The guess: the pattern (null when none parses every value), how many values it parsed, and a note. */
  public record Result(String pattern, int parsed, int values, String note) {
    public boolean found() {
      return pattern != null;
    }
  }

  private TimeFormatGuess() {}

  /** Whether one pattern parses a value as City311Reader does (an offset-bearing time or a local time). */
  static boolean parses(DateTimeFormatter f, String v) {
    try {
      f.parseBest(v, OffsetDateTime::from, LocalDateTime::from);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** The first pattern that parses every non-empty value; ambiguous month/day order is named in the note. */
  public static Result guess(List<String> values) {
    List<String> vs = values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
    if (vs.isEmpty()) {
      return new Result(null, 0, 0, "no values to look at");
    }
    List<String> all = new ArrayList<>();
    int best = 0;
    for (String p : PATTERNS) {
      DateTimeFormatter f = DateTimeFormatter.ofPattern(p, Locale.ROOT);
      int ok = (int) vs.stream().filter(v -> parses(f, v)).count();
      best = Math.max(best, ok);
      if (ok == vs.size()) {
        all.add(p);
      }
    }
    if (all.isEmpty()) {
      return new Result(null, best, vs.size(), "no known pattern parses every value (best: " + best + " of " + vs.size()
          + "); e.g. '" + vs.get(0) + "': write time_format by hand (java.time pattern)");
    }
    String p = all.get(0);
    String note = "parses " + vs.size() + " of " + vs.size() + " sampled values";
    boolean monthFirst = p.startsWith("M/d");
    String swapped = monthFirst ? p.replace("M/d/", "d/M/") : p.startsWith("d/M") ? p.replace("d/M/", "M/d/") : null;
    if (swapped != null && all.contains(swapped)) {
      note += "; AMBIGUOUS: no sampled day above 12 tells month/day from day/month: " + (monthFirst ? "month" : "day")
          + " first assumed, confirm (the other order is " + swapped + ")";
    }
    return new Result(p, vs.size(), vs.size(), note);
  }
}
