package org.civicpulse.forecast.models;

/**
 * Regression of a series on a {@link FourierDesign}, the number of Fourier pairs chosen by AICc. Gives the
 * seasonal component (Fourier and holiday terms only) and the full fitted line over history and future.
 */
final class SeasonalRegression {
  /** Half the window of the moving level the season is fitted around: 26 weeks each side. */
  static final int HALF_YEAR = 26;
  /** Training weeks needed to fit the season around a moving level: a year of level on each side of a year. */
  static final int AROUND_LEVEL_MIN = 156;

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
    return best(design, new LeastSquares(design.trainingColumns(y.length), y));
  }

  /**
   * As {@link #select}, but fitted to the series minus its centred 2×52-week moving level, on the weeks where
   * that level exists (all but the first and last 26), so that a level which moves other than along a straight
   * line is not read as season. Fitted to the series itself (in log values), a regression with a straight trend
   * read Boston's Illegal Parking, which grew from ~30 to ~500 a week in the autumn of 2015, as having an autumn
   * peak every year after. Series shorter than {@link #AROUND_LEVEL_MIN} weeks are fitted as {@link #select} does.
   */
  static SeasonalRegression selectAroundLevel(FourierDesign design, double[] y) {
    int n = y.length;
    if (n < AROUND_LEVEL_MIN) {
      return select(design, y);
    }
    int rows = n - 2 * HALF_YEAR;
    double[] residual = new double[rows];
    double[][] columns = new double[design.columns.length][rows];
    // Running sum of the 51 full-weight weeks t−25 … t+25; the two ends of the window weigh one half each.
    double inner = 0;
    for (int k = 1; k < 2 * HALF_YEAR; k++) {
      inner += y[k];
    }
    for (int t = HALF_YEAR; t < n - HALF_YEAR; t++) {
      if (t > HALF_YEAR) {
        inner += y[t + HALF_YEAR - 1] - y[t - HALF_YEAR];
      }
      double level = (inner + 0.5 * (y[t - HALF_YEAR] + y[t + HALF_YEAR])) / (2 * HALF_YEAR);
      residual[t - HALF_YEAR] = y[t] - level;
      for (int c = 0; c < columns.length; c++) {
        columns[c][t - HALF_YEAR] = design.columns[c][t];
      }
    }
    return best(design, new LeastSquares(columns, residual));
  }

  private static SeasonalRegression best(FourierDesign design, LeastSquares ls) {
    int n = ls.rows();
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
