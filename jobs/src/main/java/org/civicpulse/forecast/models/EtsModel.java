package org.civicpulse.forecast.models;

/**
 * {@code ets}: ETS on the Fourier-deseasonalised series. The year's shape (and any holiday dip) is a Fourier
 * regression with K pairs chosen by AICc — never 52 free seasonal states — removed additively, or
 * multiplicatively (a regression on log values) when the series is strictly positive and that fits better.
 * The deseasonalised series gets ETS(A,N,N) or ETS(A,Ad,N) by AICc; the season is put back on the forecast.
 */
public final class EtsModel implements ForecastModel {
  @Override
  public String name() {
    return "ets";
  }

  @Override
  public PointForecast forecast(WeeklySeries train, int horizon) {
    int n = train.length();
    if (n < 4) {
      return new SeasonalNaive().forecast(train, horizon);
    }
    FourierDesign design = FourierDesign.build(train, horizon, true, FourierDesign.maxPairsFor(n));
    double[] y = train.values();
    Decomposed best = Decomposed.additive(design, y, horizon);
    if (train.strictlyPositive()) {
      Decomposed multiplicative = Decomposed.multiplicative(design, y, horizon);
      if (multiplicative.sse < best.sse) {
        best = multiplicative;
      }
    }
    return new PointForecast(best.forecast);
  }

  /** One decomposition choice: its forecast and its in-sample one-step SSE on the original scale. */
  private record Decomposed(double[] forecast, double sse) {
    static Decomposed additive(FourierDesign design, double[] y, int horizon) {
      int n = y.length;
      SeasonalRegression reg = SeasonalRegression.select(design, y);
      double[] z = new double[n];
      for (int t = 0; t < n; t++) {
        z[t] = y[t] - reg.seasonal(t);
      }
      ExponentialSmoothing.Fit ets = ExponentialSmoothing.fit(z);
      double[] f = ets.forecast(horizon);
      for (int h = 0; h < horizon; h++) {
        f[h] += reg.seasonal(n + h);
      }
      return new Decomposed(f, ets.sse());
    }

    static Decomposed multiplicative(FourierDesign design, double[] y, int horizon) {
      int n = y.length;
      double[] logY = new double[n];
      for (int t = 0; t < n; t++) {
        logY[t] = Math.log(y[t]);
      }
      SeasonalRegression reg = SeasonalRegression.select(design, logY);
      double[] z = new double[n];
      double[] factor = new double[n + horizon];
      for (int t = 0; t < n + horizon; t++) {
        factor[t] = Math.exp(reg.seasonal(t));
      }
      for (int t = 0; t < n; t++) {
        z[t] = y[t] / factor[t];
      }
      ExponentialSmoothing.Fit ets = ExponentialSmoothing.fit(z);
      double sse = 0;
      double[] fitted = ets.fitted();
      for (int t = 0; t < n; t++) {
        double e = y[t] - fitted[t] * factor[t];
        sse += e * e;
      }
      double[] f = ets.forecast(horizon);
      for (int h = 0; h < horizon; h++) {
        f[h] *= factor[n + h];
      }
      return new Decomposed(f, sse);
    }
  }
}
