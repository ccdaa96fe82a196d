package org.civicpulse.stats;

import org.apache.commons.math3.distribution.GammaDistribution;

/**
 * The exact (Garwood) 95 % interval of a Poisson count n: [χ²(0.025; 2n) / 2, χ²(0.975; 2n + 2) / 2], i.e. the
 * 2.5 % quantile of Gamma(n, 1) (0 for n = 0) and the 97.5 % quantile of Gamma(n + 1, 1).
 */
public final class PoissonInterval {
  private PoissonInterval() {}

  /** {lower, upper} for the count {@code n}. */
  public static double[] of(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("a count is never negative: " + n);
    }
    double lo = n == 0 ? 0 : new GammaDistribution(null, n, 1).inverseCumulativeProbability(0.025);
    double hi = new GammaDistribution(null, n + 1, 1).inverseCumulativeProbability(0.975);
    return new double[] {lo, hi};
  }
}
