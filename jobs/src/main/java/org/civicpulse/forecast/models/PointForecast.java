package org.civicpulse.forecast.models;

import java.util.Arrays;

/** Point forecasts for horizon steps 1..h (index 0 is step 1), never negative. */
public record PointForecast(double[] mean) implements java.io.Serializable {
  public PointForecast {
    mean = Arrays.stream(mean).map(v -> Double.isFinite(v) ? Math.max(0, v) : 0).toArray();
  }

  public int horizon() {
    return mean.length;
  }

  public double at(int step) {
    return mean[step - 1];
  }

  /** The mean of two forecasts of the same horizon. */
  public static PointForecast average(PointForecast a, PointForecast b) {
    double[] m = new double[a.horizon()];
    for (int i = 0; i < m.length; i++) {
      m[i] = (a.mean[i] + b.mean[i]) / 2;
    }
    return new PointForecast(m);
  }
}
