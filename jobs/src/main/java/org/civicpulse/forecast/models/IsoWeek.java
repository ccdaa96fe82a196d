package org.civicpulse.forecast.models;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week (week-based year and week number), written {@code 2019-W13}. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek>, java.io.Serializable {
  private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{1,2})");
  private static final LocalDate EPOCH_MONDAY = LocalDate.of(1970, 1, 5);

  public IsoWeek {
    if (week < 1 || week > 53 || (week == 53 && weeksIn(year) < 53)) {
      throw new IllegalArgumentException("no ISO week " + week + " in " + year);
    }
  }

  /** Parses {@code YYYY-Www}. */
  public static IsoWeek parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not an ISO week (expected e.g. 2019-W13): '" + text + "'");
    }
    return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** The ISO week that contains a date. */
  public static IsoWeek of(LocalDate date) {
    return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** 52 or 53. */
  public static int weeksIn(int year) {
    return (int) LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
  }

  public LocalDate monday() {
    return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
  }

  public IsoWeek plusWeeks(long weeks) {
    return of(monday().plusWeeks(weeks));
  }

  /** Signed number of weeks from this week to {@code other}. */
  public long weeksUntil(IsoWeek other) {
    return ChronoUnit.WEEKS.between(monday(), other.monday());
  }

  /** Weeks since the Monday 1970-01-05; a continuous time axis across 52- and 53-week years. */
  public long epochWeek() {
    return ChronoUnit.WEEKS.between(EPOCH_MONDAY, monday());
  }

  @Override
  public int compareTo(IsoWeek o) {
    return year != o.year ? Integer.compare(year, o.year) : Integer.compare(week, o.week);
  }

  @Override
  public String toString() {
    return String.format("%04d-W%02d", year, week);
  }
}
