package org.civicpulse.generate;

import java.util.SplittableRandom;

/** Random draws the models share: Poisson counts, lognormals, weighted choices. */
final class Draws {
  private Draws() {}

  static int poisson(SplittableRandom r, double lambda) {
    if (lambda <= 0) {
      return 0;
    }
    if (lambda < 30) {
      // Knuth's product method: exact and cheap for the small cells that dominate here.
      double limit = Math.exp(-lambda);
      double p = r.nextDouble();
      int k = 0;
      while (p > limit) {
        p *= r.nextDouble();
        k++;
      }
      return k;
    }
    // Large cells only occur with very large --requests; a rounded normal is close enough there.
    return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(r)));
  }

  static double gaussian(SplittableRandom r) {
    // Box–Muller without caching the second value keeps the stream position easy to reason about.
    double u1 = r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  static double lognormal(SplittableRandom r, double median, double sigma) {
    return median * Math.exp(sigma * gaussian(r));
  }

  /** Index drawn with probability proportional to weights[i]. */
  static int weighted(SplittableRandom r, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = r.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  static <T> T pick(SplittableRandom r, T[] items) {
    return items[r.nextInt(items.length)];
  }
}
