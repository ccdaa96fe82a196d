package org.civicpulse.stats;

import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Trailing 7-day figures of a daily series — the smoothed lines beside the daily ones in the report's charts
 * (docs/metrics.md, "Trailing 7 days"). A day's figure looks at the 7 days ending on it, including days before
 * the window shown, and counts only the days that have a value; with none it is null, never 0.
 */
public final class TrailingWeek {
  public static final int DAYS = 7;

  private TrailingWeek() {}

  /** For each day of {@code daily} in [from, to]: the mean of the values of its 7 days. */
  public static SortedMap<LocalDate, Double> mean(SortedMap<LocalDate, Double> daily, LocalDate from, LocalDate to) {
    return each(daily, from, to, (lo, hi) -> {
      double sum = 0;
      int n = 0;
      for (Double v : daily.subMap(lo, hi.plusDays(1)).values()) {
        if (v != null) {
          sum += v;
          n++;
        }
      }
      return n == 0 ? null : sum / n;
    });
  }

  /**
   * For each day of {@code num} in [from, to]: sum(num) / sum(den) over its 7 days, days with both values only
   * (e.g. SLA compliance weighs days by the requests due); null when the denominators sum to 0.
   */
  public static SortedMap<LocalDate, Double> ratio(SortedMap<LocalDate, Double> num, SortedMap<LocalDate, Double> den,
      LocalDate from, LocalDate to) {
    return each(num, from, to, (lo, hi) -> quotient(lo, hi, x -> {
      Double n = num.get(x);
      Double d = den.get(x);
      return n != null && d != null ? new double[] {n, d} : null;
    }));
  }

  /**
   * For each day of {@code value} in [from, to]: the mean of value weighted by weight over its 7 days, days with a
   * positive weight only (e.g. CSAT weighs days by their number of ratings); null when no day has weight.
   */
  public static SortedMap<LocalDate, Double> weightedMean(SortedMap<LocalDate, Double> value,
      SortedMap<LocalDate, Double> weight, LocalDate from, LocalDate to) {
    return each(value, from, to, (lo, hi) -> quotient(lo, hi, x -> {
      Double v = value.get(x);
      Double w = weight.get(x);
      return v != null && w != null && w > 0 ? new double[] {v * w, w} : null;
    }));
  }

  /** Σ numerator ÷ Σ denominator of the days in [lo, hi] that have a term; null when the denominators sum to 0. */
  private static Double quotient(LocalDate lo, LocalDate hi, java.util.function.Function<LocalDate, double[]> term) {
    double a = 0;
    double b = 0;
    for (LocalDate x = lo; !x.isAfter(hi); x = x.plusDays(1)) {
      double[] t = term.apply(x);
      if (t != null) {
        a += t[0];
        b += t[1];
      }
    }
    return b == 0 ? null : a / b;
  }

  private static SortedMap<LocalDate, Double> each(SortedMap<LocalDate, Double> days, LocalDate from, LocalDate to,
      BiFunction<LocalDate, LocalDate, Double> window) {
    SortedMap<LocalDate, Double> out = new TreeMap<>();
    for (LocalDate d : days.subMap(from, to.plusDays(1)).keySet()) {
      out.put(d, window.apply(d.minusDays(DAYS - 1L), d));
    }
    return out;
  }
}
