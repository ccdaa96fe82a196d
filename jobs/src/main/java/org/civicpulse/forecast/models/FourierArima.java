package org.civicpulse.forecast.models;

/**
 * {@code fourier_arima}: regression on K Fourier pairs of the year (and a holiday dummy), K by AICc, with
 * ARIMA(p, d, q) errors, d ∈ {0, 1} by a KPSS test on the regression residuals (as R's auto.arima), p, q ≤ 2
 * by AICc, fitted by conditional sum of squares. With d = 1 the regression is refitted on differences, with
 * a drift term only when the regression's AICc wants it.
 */
public final class FourierArima implements ForecastModel {
  @Override
  public String name() {
    return "fourier_arima";
  }

  @Override
  public PointForecast forecast(WeeklySeries train, int horizon) {
    int n = train.length();
    double[] y = train.values();
    if (n < 8) {
      return new SeasonalNaive().forecast(train, horizon);
    }
    FourierDesign design = FourierDesign.build(train, horizon, false, FourierDesign.maxPairsFor(n));
    SeasonalRegression levels = SeasonalRegression.select(design, y);
    double[] residuals = new double[n];
    for (int t = 0; t < n; t++) {
      residuals[t] = y[t] - levels.fitted(t);
    }
    double[] f = Kpss.needsDifference(residuals)
        ? differenced(design, levels.used, y, horizon)
        : inLevels(levels, residuals, n, horizon);
    return new PointForecast(f);
  }

  private static double[] inLevels(SeasonalRegression reg, double[] residuals, int n, int horizon) {
    Arma.Fit arma = Arma.selectOrder(residuals, reg.used.length);
    double[] errors = arma.forecast(residuals, horizon);
    double[] f = new double[horizon];
    for (int h = 0; h < horizon; h++) {
      f[h] = reg.fitted(n + h) + errors[h];
    }
    return f;
  }

  /** Δy on Δ(seasonal columns) with and without drift; ARMA on the residual; forecasts cumulated from y_n. */
  private static double[] differenced(FourierDesign design, int[] levelColumns, double[] y, int horizon) {
    int n = y.length;
    // Column 0 is the intercept: its difference is zero, and a constant on differences is the drift.
    int seasonalCount = levelColumns.length - 1;
    double[][] cols = new double[seasonalCount + 1][n - 1 + horizon];
    for (int t = 1; t < n + horizon; t++) {
      cols[0][t - 1] = 1;
      for (int c = 1; c <= seasonalCount; c++) {
        double[] col = design.columns[levelColumns[c]];
        cols[c][t - 1] = col[t] - col[t - 1];
      }
    }
    double[] dy = new double[n - 1];
    for (int t = 1; t < n; t++) {
      dy[t - 1] = y[t] - y[t - 1];
    }
    double[][] train = new double[cols.length][];
    for (int c = 0; c < cols.length; c++) {
      train[c] = java.util.Arrays.copyOf(cols[c], n - 1);
    }
    LeastSquares ls = new LeastSquares(train, dy);
    // Drift or not by the regression's AICc, so the ARMA order search runs once.
    int[] best = null;
    double[] bestCoefficients = null;
    double bestAicc = Double.POSITIVE_INFINITY;
    for (boolean drift : new boolean[] {false, true}) {
      int[] use = new int[seasonalCount + (drift ? 1 : 0)];
      for (int i = 0; i < use.length; i++) {
        use[i] = drift ? i : i + 1;
      }
      double[] b = use.length == 0 ? new double[0] : ls.solve(use);
      if (b == null) {
        continue;
      }
      double sse = use.length == 0 ? sumOfSquares(dy) : ls.sse(use, b);
      double aicc = LeastSquares.aicc(sse, dy.length, use.length);
      if (aicc < bestAicc) {
        bestAicc = aicc;
        best = use;
        bestCoefficients = b;
      }
    }
    return DifferencedFit.of(bestCoefficients, best, cols, dy).forecast(y[n - 1], horizon);
  }

  private static double sumOfSquares(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return s;
  }

  /** A regression on differences plus the ARMA of its residuals. */
  private record DifferencedFit(double[] b, int[] use, double[][] cols, double[] residuals, Arma.Fit arma) {
    static DifferencedFit of(double[] b, int[] use, double[][] cols, double[] dy) {
      double[] w = new double[dy.length];
      for (int t = 0; t < dy.length; t++) {
        w[t] = dy[t] - regression(b, use, cols, t);
      }
      return new DifferencedFit(b, use, cols, w, Arma.selectOrder(w, use.length));
    }

    double[] forecast(double lastValue, int horizon) {
      double[] errors = arma.forecast(residuals, horizon);
      double[] f = new double[horizon];
      double level = lastValue;
      for (int h = 0; h < horizon; h++) {
        level += regression(b, use, cols, residuals.length + h) + errors[h];
        f[h] = level;
      }
      return f;
    }

    private static double regression(double[] b, int[] use, double[][] cols, int t) {
      double fit = 0;
      for (int i = 0; i < use.length; i++) {
        fit += b[i] * cols[use[i]][t];
      }
      return fit;
    }
  }
}
