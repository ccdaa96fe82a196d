package org.civicpulse.forecast.models;

/**
 * {@code tsb} (Teunter–Syntetos–Babai): for intermittent demand. The probability of a demand is smoothed
 * every week (β), the demand size only in weeks with demand (α); the forecast is probability × size, so it
 * decays when demand stops. α and β are fitted by one-step SSE over a grid.
 */
public final class Tsb implements ForecastModel {
  static final double[] GRID = Croston.grid(0.05, 0.5, 0.05);

  @Override
  public String name() {
    return "tsb";
  }

  @Override
  public PointForecast forecast(WeeklySeries train, int horizon) {
    double[] y = train.values();
    double[] best = null;
    for (double a : GRID) {
      for (double b : GRID) {
        double[] r = run(y, a, b);
        if (best == null || r[1] < best[1] - 1e-12) {
          best = r;
        }
      }
    }
    double[] f = new double[horizon];
    java.util.Arrays.fill(f, best[0]);
    return new PointForecast(f);
  }

  /** {final forecast, one-step SSE}; starts from the training share of demand weeks and mean demand size. */
  static double[] run(double[] y, double alpha, double beta) {
    int demands = 0;
    double total = 0;
    for (double v : y) {
      if (v > 0) {
        demands++;
        total += v;
      }
    }
    if (demands == 0) {
      return new double[] {0, 0};
    }
    double probability = (double) demands / y.length;
    double size = total / demands;
    double sse = 0;
    for (double v : y) {
      double e = v - probability * size;
      sse += e * e;
      probability += beta * ((v > 0 ? 1 : 0) - probability);
      if (v > 0) {
        size += alpha * (v - size);
      }
    }
    return new double[] {probability * size, sse};
  }
}
