package org.civicpulse.forecast;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bottom-up reconciliation over community × category → community, category, ALL: every roll-up forecast
 * is the sum of its bottom-level forecasts, so parts add up to totals in every week.
 */
public final class Reconciliation {
  private Reconciliation() {}

  /** The bottom series plus every roll-up (community/ALL, ALL/category, ALL/ALL), summed week by week. */
  public static Map<SeriesKey, double[]> bottomUp(Map<SeriesKey, double[]> bottom) {
    Map<SeriesKey, double[]> out = new LinkedHashMap<>();
    for (Map.Entry<SeriesKey, double[]> e : bottom.entrySet()) {
      SeriesKey k = e.getKey();
      if (!k.isBottom()) {
        throw new IllegalArgumentException("not a bottom-level series: " + k);
      }
      out.put(k, e.getValue().clone());
    }
    for (Map.Entry<SeriesKey, double[]> e : bottom.entrySet()) {
      SeriesKey k = e.getKey();
      add(out, new SeriesKey(k.community(), SeriesKey.ALL), e.getValue());
      add(out, new SeriesKey(SeriesKey.ALL, k.category()), e.getValue());
      add(out, new SeriesKey(SeriesKey.ALL, SeriesKey.ALL), e.getValue());
    }
    return out;
  }

  /**
   * Moves a roll-up's own interval to the reconciled mean (keeps its calibrated widths, which a sum of
   * bottom-level bounds would overstate).
   */
  public static IntervalForecast recentre(IntervalForecast own, double[] reconciledMean) {
    int h = own.horizon();
    double[] lo80 = new double[h];
    double[] hi80 = new double[h];
    double[] lo95 = new double[h];
    double[] hi95 = new double[h];
    for (int i = 0; i < h; i++) {
      double shift = reconciledMean[i] - own.mean()[i];
      lo80[i] = Math.max(0, own.lo80()[i] + shift);
      hi80[i] = own.hi80()[i] + shift;
      lo95[i] = Math.max(0, own.lo95()[i] + shift);
      hi95[i] = own.hi95()[i] + shift;
    }
    return new IntervalForecast(reconciledMean.clone(), lo80, hi80, lo95, hi95);
  }

  private static void add(Map<SeriesKey, double[]> out, SeriesKey key, double[] values) {
    double[] sum = out.computeIfAbsent(key, k -> new double[values.length]);
    if (sum.length != values.length) {
      throw new IllegalArgumentException("series of different horizons under " + key);
    }
    for (int i = 0; i < values.length; i++) {
      sum[i] += values[i];
    }
  }
}
