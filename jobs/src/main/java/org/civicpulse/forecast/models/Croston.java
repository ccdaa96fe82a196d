package org.civicpulse.forecast.models;

/**
 * {@code croston}: for intermittent demand. Demand sizes and the intervals between demands are smoothed with
 * the same α (initial values: the first demand and its position, as R's croston); the forecast, flat over
 * the horizon, is size ÷ interval. α is fitted by one-step SSE over a grid unless fixed.
 */
public final class Croston implements ForecastModel {
  static final double[] ALPHA_GRID = grid(0.02, 0.5, 0.02);
  private final Double fixedAlpha;

  /** α fitted by SSE. */
  public Croston() {
    this.fixedAlpha = null;
  }

  /** α fixed (for hand-checked tests). */
  public Croston(double alpha) {
    this.fixedAlpha = alpha;
  }

  @Override
  public String name() {
    return "croston";
  }

  @Override
  public PointForecast forecast(WeeklySeries train, int horizon) {
    double[] y = train.values();
    double alpha = fixedAlpha != null ? fixedAlpha : fitAlpha(y);
    double level = run(y, alpha)[0];
    double[] f = new double[horizon];
    java.util.Arrays.fill(f, level);
    return new PointForecast(f);
  }

  /** The α of the grid with the smallest one-step SSE. */
  static double fitAlpha(double[] y) {
    double best = ALPHA_GRID[0];
    double bestSse = Double.POSITIVE_INFINITY;
    for (double a : ALPHA_GRID) {
      double sse = run(y, a)[1];
      if (sse < bestSse - 1e-12) {
        bestSse = sse;
        best = a;
      }
    }
    return best;
  }

  /** {final forecast, one-step SSE after the first demand}. */
  static double[] run(double[] y, double alpha) {
    int first = -1;
    for (int t = 0; t < y.length; t++) {
      if (y[t] > 0) {
        first = t;
        break;
      }
    }
    if (first < 0) {
      return new double[] {0, 0};
    }
    double size = y[first];
    double interval = first + 1;
    int last = first;
    double sse = 0;
    for (int t = first + 1; t < y.length; t++) {
      double e = y[t] - size / interval;
      sse += e * e;
      if (y[t] > 0) {
        size += alpha * (y[t] - size);
        interval += alpha * ((t - last) - interval);
        last = t;
      }
    }
    return new double[] {size / interval, sse};
  }

  static double[] grid(double from, double to, double step) {
    int count = (int) Math.round((to - from) / step) + 1;
    double[] g = new double[count];
    for (int i = 0; i < count; i++) {
      g[i] = Math.round((from + i * step) * 1e6) / 1e6;
    }
    return g;
  }
}
