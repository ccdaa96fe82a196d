package org.civicpulse.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {
  private static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @Test
  void chinaPinsRealDates() {
    HolidayCalendar cn = HolidayCalendar.load("CN");
    assertThat(cn.isHoliday(d("2024-02-10"))).isTrue();
    assertThat(cn.holidayName(d("2024-02-10"), "zh")).contains("春节");
    assertThat(cn.holidayName(d("2024-02-10"), Locale.ENGLISH)).contains("Spring Festival");
    assertThat(cn.isMakeUpWorkday(d("2024-02-04"))).isTrue();
    assertThat(cn.isMakeUpWorkday(d("2024-02-18"))).isTrue();
    assertThat(cn.isWorkingDay(d("2024-02-18"))).as("Sunday make-up workday").isTrue();
    assertThat(cn.isWorkingDay(d("2024-02-12"))).as("Monday in Spring Festival").isFalse();
    assertThat(cn.isHoliday(d("2025-10-01"))).isTrue();
    assertThat(cn.isHoliday(d("2025-10-08"))).isTrue();
    assertThat(cn.isHoliday(d("2023-09-29"))).isTrue();
    assertThat(cn.holidayName(d("2023-09-29"), "zh")).contains("中秋节、国庆节");
    assertThat(cn.isHoliday(d("2023-10-06"))).isTrue();
    assertThat(cn.isMakeUpWorkday(d("2023-10-07"))).isTrue();
    assertThat(cn.isMakeUpWorkday(d("2025-01-26"))).isTrue();
    assertThat(cn.isHoliday(d("2025-01-28"))).isTrue();
    assertThat(cn.isHoliday(d("2025-02-04"))).isTrue();
    assertThat(cn.isHoliday(d("2023-04-05"))).isTrue();
    assertThat(cn.isHoliday(d("2023-04-06"))).isFalse();
    assertThat(cn.isHoliday(d("2026-02-23"))).isTrue();
    assertThat(cn.isMakeUpWorkday(d("2026-01-04"))).isTrue();
    assertThat(cn.isMakeUpWorkday(d("2026-09-20"))).isTrue();
    assertThat(cn.isHoliday(d("2022-12-31"))).as("2023 New Year starts on a Saturday in 2022").isTrue();
    // Ordinary days.
    assertThat(cn.isWorkingDay(d("2024-03-13"))).isTrue();
    assertThat(cn.isWorkingDay(d("2024-03-16"))).as("Saturday").isFalse();
    assertThat(cn.isHoliday(d("2024-03-16"))).isFalse();
    assertThat(cn.holidayName(d("2024-03-13"), "en")).isEmpty();
    assertThat(cn.firstCovered()).isEqualTo(d("2022-01-01"));
    assertThat(cn.lastCovered()).isEqualTo(d("2026-12-31"));
  }

  @Test
  void chinaEachYearHasSevenFestivalsAndWeekendMakeUpDays() {
    HolidayCalendar cn = HolidayCalendar.load("CN");
    for (int year = 2022; year <= 2026; year++) {
      TreeSet<String> names = new TreeSet<>();
      int days = 0;
      for (var e : cn.entries().values()) {
        if (e.date().getYear() != year) {
          continue;
        }
        if (e.workday()) {
          assertThat(e.date().getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        } else {
          names.add(e.nameEn());
          days++;
        }
      }
      // 2023 and 2025 merge Mid-Autumn into National Day; the festivals are all there either way.
      assertThat(String.join("|", names)).contains("Spring Festival", "Qingming", "Labour Day",
          "Dragon Boat", "Mid-Autumn", "National Day");
      assertThat(days).as("days off in %s", year).isBetween(27, 33);
    }
  }

  @Test
  void unitedStatesObservedDatesFollowTheRules() {
    HolidayCalendar us = HolidayCalendar.load("us");
    assertThat(us.isHoliday(d("2024-07-04"))).isTrue();
    assertThat(us.isHoliday(d("2021-12-24"))).isTrue();
    assertThat(us.holidayName(d("2021-12-24"), "en")).contains("Christmas Day (observed)");
    assertThat(us.isHoliday(d("2021-12-31"))).as("New Year 2022 on a Saturday").isTrue();
    assertThat(us.isHoliday(d("2022-06-20"))).as("Juneteenth observed").isTrue();
    assertThat(us.isHoliday(d("2020-06-19"))).as("Juneteenth only from 2021").isFalse();
    assertThat(us.isMakeUpWorkday(d("2024-07-06"))).isFalse();
    assertThat(us.firstCovered()).isEqualTo(d("2013-01-01"));
    assertThat(us.lastCovered()).isEqualTo(d("2027-12-31"));
    // Recompute the rule-based holidays and check every one of them is in the table.
    for (int y = 2013; y <= 2027; y++) {
      LocalDate thanksgiving = LocalDate.of(y, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
      LocalDate memorial = LocalDate.of(y, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      LocalDate labor = LocalDate.of(y, 9, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
      LocalDate mlk = LocalDate.of(y, 1, 1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.MONDAY));
      for (LocalDate h : new LocalDate[] {thanksgiving, memorial, labor, mlk}) {
        assertThat(us.isHoliday(h)).as("%s", h).isTrue();
        assertThat(us.isWorkingDay(h)).isFalse();
      }
      for (LocalDate fixed : new LocalDate[] {LocalDate.of(y, 7, 4), LocalDate.of(y, 12, 25), LocalDate.of(y, 11, 11)}) {
        LocalDate observed = switch (fixed.getDayOfWeek()) {
          case SATURDAY -> fixed.minusDays(1);
          case SUNDAY -> fixed.plusDays(1);
          default -> fixed;
        };
        assertThat(us.isHoliday(fixed)).isTrue();
        assertThat(us.isHoliday(observed)).as("observed %s", observed).isTrue();
      }
    }
  }

  @Test
  void serializesForBroadcast() throws Exception {
    HolidayCalendar cn = HolidayCalendar.load("CN");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(cn);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      HolidayCalendar back = (HolidayCalendar) in.readObject();
      assertThat(back.isHoliday(d("2024-02-10"))).isTrue();
      assertThat(back.isMakeUpWorkday(d("2024-02-04"))).isTrue();
      assertThat(back.firstCovered()).isEqualTo(cn.firstCovered());
    }
  }

  @Test
  void unknownCountryIsAnError() {
    assertThatThrownBy(() -> HolidayCalendar.load("XX")).isInstanceOf(IllegalArgumentException.class);
  }
}
