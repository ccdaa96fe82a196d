package org.civicpulse.forecast.models;

/**
 * Zero-mean ARMA(p, q) fitted by conditional sum of squares (Nelder–Mead), constrained to stationary and
 * invertible polynomials of order ≤ 2; the order chosen by AICc.
 */
final class Arma {
  /** Sums of squares start at this position for every order, so AICc values are comparable. */
  private static final int CONDITION = 2;
  static final int MAX_ORDER = 2;

  /** A fitted ARMA: coefficients and in-sample innovations. */
  record Fit(double[] phi, double[] theta, double sse, double aicc, double[] innovations) {
    /** Forecasts of the process after {@code w}, steps 1..horizon, future innovations at zero. */
    double[] forecast(double[] w, int horizon) {
      int n = w.length;
      double[] x = new double[n + horizon];
      double[] e = new double[n + horizon];
      System.arraycopy(w, 0, x, 0, n);
      System.arraycopy(innovations, 0, e, 0, n);
      for (int t = n; t < n + horizon; t++) {
        double v = 0;
        for (int i = 1; i <= phi.length; i++) {
          v += phi[i - 1] * x[t - i];
        }
        for (int j = 1; j <= theta.length; j++) {
          v += theta[j - 1] * e[t - j];
        }
        x[t] = v;
      }
      double[] f = new double[horizon];
      System.arraycopy(x, n, f, 0, horizon);
      return f;
    }
  }

  private Arma() {}

  /** Best order by AICc; {@code otherParameters} counts the regression coefficients estimated before. */
  static Fit selectOrder(double[] w, int otherParameters) {
    Fit best = null;
    for (int p = 0; p <= MAX_ORDER; p++) {
      for (int q = 0; q <= MAX_ORDER; q++) {
        if (w.length < 3 * (p + q) + 10) {
          continue;
        }
        Fit f = fit(w, p, q, otherParameters);
        if (best == null || f.aicc < best.aicc) {
          best = f;
        }
      }
    }
    return best != null ? best : fit(w, 0, 0, otherParameters);
  }

  static Fit fit(double[] w, int p, int q, int otherParameters) {
    double[] best = NelderMead.minimise(c -> css(w, p, q, c, null), new double[p + q], 0.1, 60 * (p + q + 1), 1e-7);
    double[] innovations = new double[w.length];
    double sse = css(w, p, q, best, innovations);
    double[] phi = java.util.Arrays.copyOfRange(best, 0, p);
    double[] theta = java.util.Arrays.copyOfRange(best, p, p + q);
    int n = Math.max(w.length - CONDITION, 1);
    return new Fit(phi, theta, sse, LeastSquares.aicc(sse, n, p + q + otherParameters), innovations);
  }

  /** Conditional sum of squares; a large value outside the stationary/invertible region. */
  private static double css(double[] w, int p, int q, double[] c, double[] innovationsOut) {
    if (!stable(c, 0, p, 1) || !stable(c, p, q, -1)) {
      return 1e300;
    }
    double[] e = innovationsOut != null ? innovationsOut : new double[w.length];
    double sse = 0;
    for (int t = CONDITION; t < w.length; t++) {
      double v = w[t];
      for (int i = 1; i <= p; i++) {
        v -= c[i - 1] * w[t - i];
      }
      for (int j = 1; j <= q; j++) {
        v -= c[p + j - 1] * e[t - j];
      }
      e[t] = v;
      sse += v * v;
    }
    return sse;
  }

  /**
   * Roots of 1 − a1·z − a2·z² outside the unit circle (sign = 1, AR) or of 1 + a1·z + a2·z² (sign = −1,
   * MA), with a small margin.
   */
  private static boolean stable(double[] c, int offset, int order, int sign) {
    double m = 0.99;
    if (order == 0) {
      return true;
    }
    double a1 = sign * c[offset];
    if (order == 1) {
      return Math.abs(a1) < m;
    }
    double a2 = sign * c[offset + 1];
    return a2 > -m && a1 + a2 < m && a2 - a1 < m;
  }
}
