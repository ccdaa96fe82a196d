package org.civicpulse.stats;

import java.util.Arrays;

/** Exact percentiles by linear interpolation between closest ranks (Spark's percentile, numpy's default). */
public final class Percentiles {
  private Percentiles() {}

  public static double exact(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    double pos = p * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
  }
}
