package org.civicpulse.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.civicpulse.stats.HolidayCalendar;

/** Expected requests of one community × category on one day: weekly, yearly, holiday and trend shapes. */
final class DemandModel {
  private final HolidayCalendar holidays;
  private final LocalDate start;

  DemandModel(HolidayCalendar holidays, LocalDate start) {
    this.holidays = holidays;
    this.start = start;
  }

  double expected(Catalogue.Community c, Catalogue.Category k, LocalDate d) {
    double years = (d.toEpochDay() - start.toEpochDay()) / 365.25;
    return c.scale() * k.weight() * Math.pow(1 + c.trendPerYear(), years) * dayFactor(d) * season(k.season(), d);
  }

  /** Weekday peak, weekend dip; holidays lower still, make-up working days behave like workdays. */
  double dayFactor(LocalDate d) {
    if (holidays.isHoliday(d)) {
      return holidays.holidayName(d, "en").orElse("").startsWith("Spring") ? 0.35 : 0.5;
    }
    if (holidays.isMakeUpWorkday(d)) {
      return 1.1;
    }
    DayOfWeek w = d.getDayOfWeek();
    return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY ? 0.6 : (w == DayOfWeek.MONDAY ? 1.2 : 1.05);
  }

  static double season(Catalogue.Season s, LocalDate d) {
    double angle = 2 * Math.PI * (d.getDayOfYear() - 15) / 365.25; // 0 at mid-January
    return switch (s) {
      case NONE -> 1.0;
      case WINTER -> Math.max(0.08, 1 + 0.95 * Math.cos(angle)) * 1.2;
      case SUMMER -> Math.max(0.1, 1 - 0.9 * Math.cos(angle));
      case RAINY -> 1 + 0.35 * Math.max(0, Math.cos(2 * Math.PI * (d.getDayOfYear() - 190) / 365.25));
    };
  }
}
