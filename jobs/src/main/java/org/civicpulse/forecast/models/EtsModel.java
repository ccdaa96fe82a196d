package org.civicpulse.forecast.models;

/**
 * {@code ets}: ETS on the Fourier-deseasonalised series. The year's shape (and any holiday dip) is a Fourier
 * regression with K pairs chosen by AICc — never 52 free seasonal states — removed additively, or
 * multiplicatively (a regression on log values) when the series is strictly positive and that fits better.
 * The deseasonalised series gets ETS(A,N,N) or ETS(A,Ad,N) by AICc; the season is put back on the forecast.
 * With three years of training the season is fitted around a moving level
 * ({@link SeasonalRegression#selectAroundLevel}); an intermittent series gets ETS(A,N,N) with a level that moves
 * slowly ({@link #INTERMITTENT_ALPHA_MAX}).
 */
public final class EtsModel implements ForecastModel {
  /**
   * The largest level weight α for an intermittent series (half its training weeks or more at zero): with a free
   * α (and a trend) the level chases a burst — Boston's sidewalk snow complaints, thousands in a storm week and
   * none from April — and the forecast carries it into the empty weeks that follow. 0.05 is the low end of the
   * weights the intermittent-demand literature uses (0.05–0.2); docs/forecast.md, "Candidates", has what the
   * bounds tried measured.
   */
  static final double INTERMITTENT_ALPHA_MAX = 0.05;

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
    boolean intermittent = Candidates.intermittent(train);
    Decomposed best = Decomposed.additive(design, y, horizon, intermittent);
    if (train.strictlyPositive()) {
      Decomposed multiplicative = Decomposed.multiplicative(design, y, horizon, intermittent);
      if (multiplicative.sse < best.sse) {
        best = multiplicative;
      }
    }
    return new PointForecast(best.forecast);
  }

  private static ExponentialSmoothing.Fit smooth(double[] z, boolean intermittent) {
    return intermittent ? ExponentialSmoothing.fitSlowLevel(z, INTERMITTENT_ALPHA_MAX) : ExponentialSmoothing.fit(z);
  }

  /** One decomposition choice: its forecast and its in-sample one-step SSE on the original scale. */
  private record Decomposed(double[] forecast, double sse) {
    static Decomposed additive(FourierDesign design, double[] y, int horizon, boolean intermittent) {
      int n = y.length;
      SeasonalRegression reg = SeasonalRegression.selectAroundLevel(design, y);
      double[] z = new double[n];
      for (int t = 0; t < n; t++) {
        z[t] = y[t] - reg.seasonal(t);
      }
      ExponentialSmoothing.Fit ets = smooth(z, intermittent);
      double[] f = ets.forecast(horizon);
      for (int h = 0; h < horizon; h++) {
        f[h] += reg.seasonal(n + h);
      }
      return new Decomposed(f, ets.sse());
    }

    static Decomposed multiplicative(FourierDesign design, double[] y, int horizon, boolean intermittent) {
      int n = y.length;
      double[] logY = new double[n];
      for (int t = 0; t < n; t++) {
        logY[t] = Math.log(y[t]);
      }
      SeasonalRegression reg = SeasonalRegression.selectAroundLevel(design, logY);
      double[] z = new double[n];
      double[] factor = new double[n + horizon];
      for (int t = 0; t < n + horizon; t++) {
        factor[t] = Math.exp(reg.seasonal(t));
      }
      for (int t = 0; t < n; t++) {
        z[t] = y[t] / factor[t];
      }
      ExponentialSmoothing.Fit ets = smooth(z, intermittent);
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
