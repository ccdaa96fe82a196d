package org.civicpulse.generate;

import java.time.LocalDate;

/**
 * Local wall-clock times as seconds since 1970-01-01 00:00 local, formatted as {@code yyyy-MM-dd HH:mm:ss}.
 * Landing files carry local times without an offset; Asia/Shanghai has no DST, so plain arithmetic is exact.
 */
final class LocalTimes {
  static final long DAY = 86_400L;
  static final long HOUR = 3_600L;

  private long cachedDay = Long.MIN_VALUE;
  private String cachedDate = "";

  static long startOf(LocalDate date) {
    return date.toEpochDay() * DAY;
  }

  static LocalDate dateOf(long t) {
    return LocalDate.ofEpochDay(Math.floorDiv(t, DAY));
  }

  static int yearOf(long t) {
    return dateOf(t).getYear();
  }

  /** Formats one time; rows come in near date order, so the date part is cached. */
  String format(long t) {
    long day = Math.floorDiv(t, DAY);
    if (day != cachedDay) {
      cachedDay = day;
      cachedDate = LocalDate.ofEpochDay(day).toString();
    }
    int s = (int) (t - day * DAY);
    char[] c = new char[9];
    c[0] = ' ';
    two(c, 1, s / 3600);
    c[3] = ':';
    two(c, 4, (s / 60) % 60);
    c[6] = ':';
    two(c, 7, s % 60);
    return cachedDate + new String(c);
  }

  private static void two(char[] c, int at, int v) {
    c[at] = (char) ('0' + v / 10);
    c[at + 1] = (char) ('0' + v % 10);
  }
}
