package org.civicpulse.forecast.models;

import java.util.Arrays;
import java.util.Set;

/**
 * A contiguous run of weekly values starting at an ISO week, with optional holiday weeks.
 *
 * <p>Holiday weeks are calendar knowledge, not data: they may lie after the last value, so a model can
 * forecast a planted dip in a future holiday week without seeing any future value.
 */
public final class WeeklySeries implements java.io.Serializable {
  private final IsoWeek start;
  private final double[] values;
  private final Set<IsoWeek> holidayWeeks;

  public WeeklySeries(IsoWeek start, double[] values) {
    this(start, values, Set.of());
  }

  public WeeklySeries(IsoWeek start, double[] values, Set<IsoWeek> holidayWeeks) {
    this.start = start;
    this.values = values.clone();
    this.holidayWeeks = Set.copyOf(holidayWeeks);
  }

  public int length() {
    return values.length;
  }

  public double value(int index) {
    return values[index];
  }

  /** A copy of the values. */
  public double[] values() {
    return values.clone();
  }

  public IsoWeek start() {
    return start;
  }

  /** The week of position {@code index}; positions past the end are future weeks. */
  public IsoWeek week(int index) {
    return start.plusWeeks(index);
  }

  public IsoWeek lastWeek() {
    return week(values.length - 1);
  }

  /** Position of a week (may be negative or past the end). */
  public int indexOf(IsoWeek week) {
    return Math.toIntExact(start.weeksUntil(week));
  }

  public boolean isHoliday(int index) {
    return !holidayWeeks.isEmpty() && holidayWeeks.contains(week(index));
  }

  public Set<IsoWeek> holidayWeeks() {
    return holidayWeeks;
  }

  /** The first {@code n} points: the training data of an origin at position n − 1. */
  public WeeklySeries head(int n) {
    return new WeeklySeries(start, Arrays.copyOf(values, n), holidayWeeks);
  }

  /** Positions {@code from} to {@code toInclusive}. */
  public WeeklySeries slice(int from, int toInclusive) {
    return new WeeklySeries(week(from), Arrays.copyOfRange(values, from, toInclusive + 1), holidayWeeks);
  }

  /** Share of weeks at zero. */
  public double zeroShare() {
    if (values.length == 0) {
      return 0;
    }
    long zeros = Arrays.stream(values).filter(v -> v == 0).count();
    return (double) zeros / values.length;
  }

  public boolean strictlyPositive() {
    return values.length > 0 && Arrays.stream(values).allMatch(v -> v > 0);
  }
}
