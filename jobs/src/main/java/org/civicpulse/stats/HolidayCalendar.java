package org.civicpulse.stats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A country's public holidays and make-up working days, from the shipped tables (resources/holidays). */
public final class HolidayCalendar implements Serializable {
  private final String country;
  private final Map<LocalDate, String[]> holidays = new TreeMap<>();
  private final Map<LocalDate, String[]> workdays = new TreeMap<>();

  private HolidayCalendar(String country) {
    this.country = country;
  }

  /** "CN" (2023–2026, with make-up working days) or "US" (federal, 2013–2027). */
  public static HolidayCalendar load(String country) {
    String resource = "/holidays/" + country.toLowerCase(java.util.Locale.ROOT) + ".csv";
    HolidayCalendar cal = new HolidayCalendar(country);
    try (InputStream in = HolidayCalendar.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no holiday table for country " + country + " (CN or US)");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.startsWith("date,") || line.isBlank()) {
          continue;
        }
        String[] p = line.split(",", 4);
        (p[1].equals("workday") ? cal.workdays : cal.holidays).put(LocalDate.parse(p[0]), new String[] {p[2], p[3]});
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cal;
  }

  public String country() {
    return country;
  }

  public boolean isHoliday(LocalDate d) {
    return holidays.containsKey(d);
  }

  public boolean isMakeUpWorkday(LocalDate d) {
    return workdays.containsKey(d);
  }

  /** A weekday that is not a holiday, or a make-up working day. */
  public boolean isWorkingDay(LocalDate d) {
    boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    return isMakeUpWorkday(d) || (!weekend && !isHoliday(d));
  }

  /** The holiday's name in "zh" or "en". */
  public Optional<String> holidayName(LocalDate d, String lang) {
    String[] n = holidays.get(d);
    return n == null ? Optional.empty() : Optional.of("zh".equals(lang) ? n[1] : n[0]);
  }

  /** The first day of the named holiday period in a year (e.g. the Spring Festival's first day off). */
  public Optional<LocalDate> firstDayOf(String nameEn, int year) {
    return holidays.entrySet().stream()
        .filter(e -> e.getKey().getYear() == year && e.getValue()[0].startsWith(nameEn))
        .map(Map.Entry::getKey).findFirst();
  }
}
