package org.civicpulse.forecast;

import java.time.DayOfWeek;
import java.util.Set;
import java.util.TreeSet;
import org.civicpulse.forecast.models.IsoWeek;
import org.civicpulse.stats.HolidayCalendar;

/**
 * The holiday weeks the forecast models see as a flag: ISO weeks in which a shipped holiday table
 * ({@link HolidayCalendar}) puts a day off on a Monday–Friday. A holiday on a weekend removes no working
 * day, so it does not mark its week; China's make-up working days are not days off and mark nothing.
 */
public final class HolidayWeeks {
  private HolidayWeeks() {}

  /** Every flagged week the table covers (past and future: the flag is calendar knowledge, not data). */
  public static Set<IsoWeek> of(HolidayCalendar calendar) {
    Set<IsoWeek> weeks = new TreeSet<>();
    calendar.entries().forEach((date, e) -> {
      DayOfWeek d = date.getDayOfWeek();
      if (!e.workday() && d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
        weeks.add(IsoWeek.of(date));
      }
    });
    return Set.copyOf(weeks);
  }

  /** The weeks of a country's shipped table ("CN", "US"), or none for null / "none". */
  public static Set<IsoWeek> forCountry(String country) {
    if (country == null || country.isBlank() || country.equalsIgnoreCase("none")) {
      return Set.of();
    }
    return of(HolidayCalendar.load(country));
  }
}
