package org.civicpulse.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.civicpulse.stats.HolidayCalendar;

/**
 * Expected requests per community × category × day: population × category share × season × weekday and
 * holiday effects × the community's slow trend, scaled so the whole period expects the requested total.
 */
final class DemandModel {
  // Monday busiest (the weekend's problems), Friday lighter; weekends well below.
  private static final double[] WEEKDAY = {1.18, 1.10, 1.06, 1.04, 0.98, 0.60, 0.55};
  static final double SPRING_FESTIVAL = 0.30;
  static final double OTHER_HOLIDAY = 0.50;
  static final double MAKE_UP_WORKDAY = 1.0;
  static final double CATCH_UP = 1.25;

  private final CommunityCatalogue communities;
  private final CategoryCatalogue categories;
  private final HolidayCalendar calendar;
  private final LocalDate start;
  private final double scale;
  private final double meanPopulation;

  DemandModel(CommunityCatalogue communities, CategoryCatalogue categories, HolidayCalendar calendar,
      LocalDate start, LocalDate end, long requests) {
    this.communities = communities;
    this.categories = categories;
    this.calendar = calendar;
    this.start = start;
    double pop = 0;
    for (Community c : communities.all()) {
      pop += c.population();
    }
    this.meanPopulation = pop / communities.size();
    double shares = 0;
    for (Category k : categories.all()) {
      shares += k.share();
    }
    // Unscaled expected total, then one factor brings it to --requests (before planted anomalies).
    double total = 0;
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      double day = dayFactor(d);
      double comm = 0;
      for (Community c : communities.all()) {
        comm += c.population() / meanPopulation * trend(c, d);
      }
      double cat = 0;
      for (Category k : categories.all()) {
        cat += k.share() / shares * k.season(d.getDayOfYear());
      }
      total += day * comm * cat;
    }
    this.scale = total > 0 ? requests / total / shares : 0;
  }

  /** Expected count of one cell on one day. */
  double expected(Community c, Category k, LocalDate d) {
    return base(c, k, d.getDayOfYear()) * trend(c, d) * dayFactor(d);
  }

  /** The cell's expectation before trend and day effects (split out so the day loop computes those once). */
  double base(Community c, Category k, int dayOfYear) {
    return scale * c.population() / meanPopulation * k.share() * k.season(dayOfYear);
  }

  double trend(Community c, LocalDate d) {
    double years = (d.toEpochDay() - start.toEpochDay()) / 365.25;
    return Math.pow(1 + c.yearlyTrend(), years);
  }

  /** Weekday rhythm, holidays (Spring Festival deepest), make-up workdays and the catch-up after a break. */
  double dayFactor(LocalDate d) {
    if (calendar.isHoliday(d)) {
      return isSpringFestival(d) ? SPRING_FESTIVAL : OTHER_HOLIDAY;
    }
    double f;
    if (calendar.isMakeUpWorkday(d)) {
      f = MAKE_UP_WORKDAY;
    } else {
      f = WEEKDAY[d.getDayOfWeek().getValue() - 1];
    }
    // Residents hold problems back over a long break and report them on the first working day.
    if (calendar.isWorkingDay(d) && calendar.isHoliday(d.minusDays(1)) && calendar.isHoliday(d.minusDays(3))) {
      f *= CATCH_UP;
    }
    return f;
  }

  boolean isSpringFestival(LocalDate d) {
    return calendar.entry(d).map(e -> !e.workday() && e.nameEn().startsWith("Spring Festival")).orElse(false);
  }

  boolean isWeekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  HolidayCalendar calendar() {
    return calendar;
  }
}
