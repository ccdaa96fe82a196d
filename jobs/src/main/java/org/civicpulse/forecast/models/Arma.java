package org.civicpulse.forecast.models;

/**
 * Zero-mean ARMA(p, q) fitted by conditional sum of squares (Nelder–Mead), constrained to stationary and
 * invertible polynomials of order ≤ 2; the order chosen by AICc (Hannan–Rissanen).
 */
final class Arma {
  /** Sums of squares start at this position for every order, so AICc values are comparable. */
  private static final int CONDITION = 2;
  static final int MAX_ORDER = 2;
  /** Orders refined by CSS after the Hannan–Rissanen screen. */
  static final int REFINED = 3;

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

  /**
   * Best order by AICc; {@code otherParameters} counts the regression coefficients estimated before. Orders
   * are compared by Hannan–Rissanen least squares (innovations estimated by a long autoregression), which
   * costs one regression per order; only the {@value #REFINED} best orders are refined by CSS from those
   * estimates, and the CSS AICc decides among them.
   */
  static Fit selectOrder(double[] w, int otherParameters) {
    int n = w.length;
    int longAr = Math.min(10, n / 5);
    if (n < 30 || longAr < 2) {
      return fit(w, 0, 0, otherParameters, new double[0]);
    }
    double[] innovations = longAutoregressionResiduals(w, longAr);
    int from = longAr + MAX_ORDER;
    double[][] lagged = new double[2 * MAX_ORDER][n - from];
    double[] target = new double[n - from];
    for (int t = from; t < n; t++) {
      target[t - from] = w[t];
      for (int i = 1; i <= MAX_ORDER; i++) {
        lagged[i - 1][t - from] = w[t - i];
        lagged[MAX_ORDER + i - 1][t - from] = innovations[t - i];
      }
    }
    LeastSquares ls = new LeastSquares(lagged, target);
    java.util.List<Candidate> ranked = new java.util.ArrayList<>();
    for (int p = 0; p <= MAX_ORDER; p++) {
      for (int q = 0; q <= MAX_ORDER; q++) {
        int[] use = new int[p + q];
        for (int i = 0; i < p; i++) {
          use[i] = i;
        }
        for (int j = 0; j < q; j++) {
          use[p + j] = MAX_ORDER + j;
        }
        double[] b = use.length == 0 ? new double[0] : ls.solve(use);
        if (b == null) {
          continue;
        }
        double sse = use.length == 0 ? sumOfSquares(target) : ls.sse(use, b);
        ranked.add(new Candidate(p, q, b, LeastSquares.aicc(sse, n - from, p + q + otherParameters)));
      }
    }
    ranked.sort(java.util.Comparator.comparingDouble(Candidate::aicc));
    Fit best = null;
    for (Candidate c : ranked.subList(0, Math.min(REFINED, ranked.size()))) {
      double[] start = stable(c.start, 0, c.p, 1) && stable(c.start, c.p, c.q, -1) ? c.start : new double[c.p + c.q];
      Fit f = fit(w, c.p, c.q, otherParameters, start);
      if (best == null || f.aicc < best.aicc) {
        best = f;
      }
    }
    return best;
  }

  /** An order with its Hannan–Rissanen estimates and AICc. */
  private record Candidate(int p, int q, double[] start, double aicc) {}

  /** CSS fit of one order from a starting point. */
  static Fit fit(double[] w, int p, int q, int otherParameters, double[] start) {
    double[] best = NelderMead.minimise(c -> css(w, p, q, c, null), start, 0.05, 60 * (p + q + 1), 1e-7);
    double[] innovations = new double[w.length];
    double sse = css(w, p, q, best, innovations);
    double[] phi = java.util.Arrays.copyOfRange(best, 0, p);
    double[] theta = java.util.Arrays.copyOfRange(best, p, p + q);
    int n = Math.max(w.length - CONDITION, 1);
    return new Fit(phi, theta, sse, LeastSquares.aicc(sse, n, p + q + otherParameters), innovations);
  }

  /** Residuals of an AR(order) fitted by least squares (zero before the first fitted position). */
  private static double[] longAutoregressionResiduals(double[] w, int order) {
    int n = w.length;
    double[][] lagged = new double[order][n - order];
    double[] target = new double[n - order];
    for (int t = order; t < n; t++) {
      target[t - order] = w[t];
      for (int i = 1; i <= order; i++) {
        lagged[i - 1][t - order] = w[t - i];
      }
    }
    int[] all = new int[order];
    for (int i = 0; i < order; i++) {
      all[i] = i;
    }
    double[] b = new LeastSquares(lagged, target).solve(all);
    double[] e = new double[n];
    if (b == null) {
      return e;
    }
    for (int t = order; t < n; t++) {
      double v = w[t];
      for (int i = 1; i <= order; i++) {
        v -= b[i - 1] * w[t - i];
      }
      e[t] = v;
    }
    return e;
  }

  private static double sumOfSquares(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return s;
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
