package org.civicpulse.forecast.models;

/**
 * Regression of a series on a {@link FourierDesign}, the number of Fourier pairs chosen by AICc. Gives the
 * seasonal component (Fourier and holiday terms only) and the full fitted line over history and future.
 */
final class SeasonalRegression {
  final int pairs;
  final double[] coefficients;
  final int[] used;
  final double sse;
  final double aicc;
  private final FourierDesign design;

  private SeasonalRegression(FourierDesign design, int pairs, int[] used, double[] coefficients, double sse, double aicc) {
    this.design = design;
    this.pairs = pairs;
    this.used = used;
    this.coefficients = coefficients;
    this.sse = sse;
    this.aicc = aicc;
  }

  /** Fits {@code y} (training rows of the design) for every allowed number of pairs; keeps the best AICc. */
  static SeasonalRegression select(FourierDesign design, double[] y) {
    int n = y.length;
    LeastSquares ls = new LeastSquares(design.trainingColumns(n), y);
    SeasonalRegression best = null;
    for (int k = 0; k <= design.maxPairs; k++) {
      int[] use = design.columnsWith(k);
      double[] b = ls.solve(use);
      if (b == null) {
        continue;
      }
      double sse = ls.sse(use, b);
      double aicc = LeastSquares.aicc(sse, n, use.length);
      if (best == null || aicc < best.aicc) {
        best = new SeasonalRegression(design, k, use, b, sse, aicc);
      }
    }
    if (best == null) {
      throw new IllegalStateException("regression on " + n + " points is singular even without Fourier terms");
    }
    return best;
  }

  /** Fourier and holiday part at position t (history or future). */
  double seasonal(int t) {
    double s = 0;
    for (int i = design.baseColumns; i < used.length; i++) {
      s += coefficients[i] * design.columns[used[i]][t];
    }
    return s;
  }

  /** The whole fitted line at position t. */
  double fitted(int t) {
    double s = 0;
    for (int i = 0; i < used.length; i++) {
      s += coefficients[i] * design.columns[used[i]][t];
    }
    return s;
  }
}
