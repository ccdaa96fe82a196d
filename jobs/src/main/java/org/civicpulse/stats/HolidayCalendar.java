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
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Public holidays and make-up working days of one country, from the tables shipped in holidays/*.csv. */
public final class HolidayCalendar implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One row of a holiday table. */
  public record Entry(LocalDate date, boolean workday, String nameEn, String nameZh) implements Serializable {}

  private final String country;
  // A TreeMap keeps every iteration (and so anything derived from it) in date order.
  private final TreeMap<LocalDate, Entry> entries;
  private final LocalDate firstCovered;
  private final LocalDate lastCovered;

  private HolidayCalendar(String country, TreeMap<LocalDate, Entry> entries) {
    this.country = country;
    this.entries = entries;
    // Tables list whole years, so coverage is whole years even where a year's first row is in February.
    this.firstCovered = entries.isEmpty() ? LocalDate.MAX : LocalDate.of(yearOfFirstFullYear(entries), 1, 1);
    this.lastCovered = entries.isEmpty() ? LocalDate.MIN : LocalDate.of(entries.lastKey().getYear(), 12, 31);
  }

  // A year's New Year holiday may start on Dec 30/31 of the year before (CN 2023, 2024); that stray row
  // must not make the table look as if it covered the earlier year.
  private static int yearOfFirstFullYear(TreeMap<LocalDate, Entry> entries) {
    LocalDate first = entries.firstKey();
    if (first.getMonthValue() == 12 && first.getDayOfMonth() >= 29) {
      return first.getYear() + 1;
    }
    return first.getYear();
  }

  /** Loads the shipped table of a country: "CN" or "US" (case-insensitive). */
  public static HolidayCalendar load(String country) {
    String code = country.trim().toUpperCase(Locale.ROOT);
    String resource = "/holidays/" + code.toLowerCase(Locale.ROOT) + ".csv";
    try (InputStream in = HolidayCalendar.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no holiday table for country '" + country + "' (have CN, US)");
      }
      return parse(code, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  static HolidayCalendar parse(String country, BufferedReader reader) throws IOException {
    TreeMap<LocalDate, Entry> entries = new TreeMap<>();
    String line = reader.readLine(); // header: date,kind,name_en,name_zh
    while ((line = reader.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      // The tables are ours and never quote: names use no ASCII comma.
      String[] f = line.split(",", -1);
      if (f.length != 4) {
        throw new IllegalStateException("holiday table " + country + ": bad row '" + line + "'");
      }
      LocalDate date = LocalDate.parse(f[0].trim());
      String kind = f[1].trim();
      if (!kind.equals("holiday") && !kind.equals("workday")) {
        throw new IllegalStateException("holiday table " + country + ": bad kind '" + kind + "'");
      }
      entries.put(date, new Entry(date, kind.equals("workday"), f[2].trim(), f[3].trim()));
    }
    return new HolidayCalendar(country, entries);
  }

  public String country() {
    return country;
  }

  /** A day off by the table (whatever its weekday). */
  public boolean isHoliday(LocalDate date) {
    Entry e = entries.get(date);
    return e != null && !e.workday();
  }

  /** A weekend day on which people work to make up for a holiday (China's 调休上班). */
  public boolean isMakeUpWorkday(LocalDate date) {
    Entry e = entries.get(date);
    return e != null && e.workday();
  }

  /** Monday–Friday and not a holiday, or a make-up working day. */
  public boolean isWorkingDay(LocalDate date) {
    Entry e = entries.get(date);
    if (e != null) {
      return e.workday();
    }
    DayOfWeek d = date.getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
  }

  /** The holiday's (or make-up day's) name in Chinese for a "zh" locale, else in English. */
  public Optional<String> holidayName(LocalDate date, Locale locale) {
    return holidayName(date, locale == null ? "en" : locale.getLanguage());
  }

  /** The holiday's (or make-up day's) name; language "zh" gives Chinese, anything else English. */
  public Optional<String> holidayName(LocalDate date, String language) {
    Entry e = entries.get(date);
    if (e == null) {
      return Optional.empty();
    }
    return Optional.of("zh".equalsIgnoreCase(language) ? e.nameZh() : e.nameEn());
  }

  /** The table row of a date, if any. */
  public Optional<Entry> entry(LocalDate date) {
    return Optional.ofNullable(entries.get(date));
  }

  /** Every row, in date order. */
  public Map<LocalDate, Entry> entries() {
    return Collections.unmodifiableMap(entries);
  }

  /** First day of the first year the table fully covers. */
  public LocalDate firstCovered() {
    return firstCovered;
  }

  /** Last day of the last year the table covers. */
  public LocalDate lastCovered() {
    return lastCovered;
  }

  /** Whether the table covers the date (outside, only weekends count as days off). */
  public boolean covers(LocalDate date) {
    return !date.isBefore(firstCovered) && !date.isAfter(lastCovered);
  }
}
