package org.civicpulse.forecast.models;

import java.util.Set;
import java.util.function.IntToDoubleFunction;

/** Small builders for test series. */
final class SeriesFixtures {
  static final IsoWeek START = IsoWeek.parse("2020-W01");

  private SeriesFixtures() {}

  static WeeklySeries series(int n, IntToDoubleFunction value) {
    return series(n, value, Set.of());
  }

  static WeeklySeries series(int n, IntToDoubleFunction value, Set<IsoWeek> holidays) {
    double[] v = new double[n];
    for (int t = 0; t < n; t++) {
      v[t] = value.applyAsDouble(t);
    }
    return new WeeklySeries(START, v, holidays);
  }

  /** The calendar year phase FourierDesign uses for position t (Thursday of the week). */
  static double phase(int t) {
    double thursday = START.monday().toEpochDay() + 3 + 7.0 * t;
    return 2 * Math.PI * thursday / FourierDesign.YEAR_DAYS;
  }
}
