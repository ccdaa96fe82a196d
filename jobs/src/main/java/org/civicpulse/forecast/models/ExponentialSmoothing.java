package org.civicpulse.forecast.models;

/**
 * Non-seasonal additive ETS on an already deseasonalised series: ETS(A,N,N) or ETS(A,Ad,N), the smoothing
 * parameters fitted by least squares (Nelder–Mead), the one chosen by AICc.
 *
 * <p>The model is linear in its initial states, so for given smoothing parameters the best initial level and
 * slope come from a 2×2 least-squares solve instead of two more simplex dimensions.
 */
final class ExponentialSmoothing {
  private static final double PHI_MIN = 0.8;
  private static final double PHI_MAX = 0.98;

  /** A fitted model: parameters, final states and in-sample one-step fits. */
  record Fit(boolean trend, double alpha, double beta, double phi, double level, double slope, double sse,
      double aicc, double[] fitted) {
    double[] forecast(int horizon) {
      double[] f = new double[horizon];
      double damp = 0;
      for (int h = 1; h <= horizon; h++) {
        damp += Math.pow(phi, h);
        f[h - 1] = level + (trend ? damp * slope : 0);
      }
      return f;
    }
  }

  private ExponentialSmoothing() {}

  /** The better of ETS(A,N,N) and ETS(A,Ad,N) by AICc (the trend model needs 10 or more points). */
  static Fit fit(double[] z) {
    Fit none = fitOne(z, false, 1);
    if (z.length < 10) {
      return none;
    }
    Fit damped = fitOne(z, true, 1);
    return damped.aicc < none.aicc ? damped : none;
  }

  /** ETS(A,N,N) with the level's weight α at most {@code alphaMax}: a level that moves slowly, and no trend. */
  static Fit fitSlowLevel(double[] z, double alphaMax) {
    return fitOne(z, false, alphaMax);
  }

  static Fit fitOne(double[] z, boolean trend, double alphaMax) {
    double[] start = trend ? new double[] {logit(0.2), logit(0.1), logit(0.5)} : new double[] {logit(0.2)};
    double[] best = NelderMead.minimise(p -> run(z, trend, p, alphaMax, false).sse, start, 0.8, trend ? 300 : 100,
        1e-7);
    return run(z, trend, best, alphaMax, true);
  }

  private static Fit run(double[] z, boolean trend, double[] p, double alphaMax, boolean keepFitted) {
    double alpha = 1e-4 + (alphaMax - 2e-4) * sigmoid(p[0]);
    double beta = trend ? alpha * (1e-4 + (1 - 2e-4) * sigmoid(p[1])) : 0;
    double phi = trend ? PHI_MIN + (PHI_MAX - PHI_MIN) * sigmoid(p[2]) : 1;
    int n = z.length;
    // Three runs at once: data with zero initial states (e0), and the responses to a unit initial level (a)
    // and slope (b). Error of the real run = e0 - l0·a - b0·b.
    double l0 = 0, s0 = 0, la = 1, sa = 0, lb = 0, sb = 1;
    double[] e0 = new double[n];
    double[] ea = new double[n];
    double[] eb = new double[n];
    for (int t = 0; t < n; t++) {
      double f0 = l0 + phi * s0;
      double fa = la + phi * sa;
      double fb = lb + phi * sb;
      double err0 = z[t] - f0;
      double erra = -fa;
      double errb = -fb;
      e0[t] = err0;
      ea[t] = fa;
      eb[t] = fb;
      l0 = f0 + alpha * err0;
      s0 = phi * s0 + beta * err0;
      la = fa + alpha * erra;
      sa = phi * sa + beta * erra;
      lb = fb + alpha * errb;
      sb = phi * sb + beta * errb;
    }
    double aa = 0, ab = 0, bb = 0, ay = 0, by = 0;
    for (int t = 0; t < n; t++) {
      aa += ea[t] * ea[t];
      ab += ea[t] * eb[t];
      bb += eb[t] * eb[t];
      ay += ea[t] * e0[t];
      by += eb[t] * e0[t];
    }
    double initLevel;
    double initSlope;
    double det = aa * bb - ab * ab;
    if (trend && Math.abs(det) > 1e-12 * (aa * bb + 1e-300)) {
      initLevel = (bb * ay - ab * by) / det;
      initSlope = (aa * by - ab * ay) / det;
    } else {
      initLevel = aa > 0 ? ay / aa : 0;
      initSlope = 0;
    }
    double sse = 0;
    double[] fitted = keepFitted ? new double[n] : null;
    for (int t = 0; t < n; t++) {
      double fit = initLevel * ea[t] + initSlope * eb[t] + (z[t] - e0[t]);
      double e = z[t] - fit;
      sse += e * e;
      if (keepFitted) {
        fitted[t] = fit;
      }
    }
    double level = l0 + initLevel * la + initSlope * lb;
    double slope = s0 + initLevel * sa + initSlope * sb;
    int k = trend ? 5 : 2;
    return new Fit(trend, alpha, beta, phi, level, slope, sse, LeastSquares.aicc(sse, n, k), fitted);
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
