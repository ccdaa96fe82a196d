package org.civicpulse.forecast.models;

/** {@code snaive}: the value 52 positions earlier; plain naive (last value) under 52 points. */
public final class SeasonalNaive implements ForecastModel {
  public static final int LAG = 52;
  public static final String NAME = "snaive";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PointForecast forecast(WeeklySeries train, int horizon) {
    int n = train.length();
    double[] f = new double[horizon];
    for (int s = 1; s <= horizon; s++) {
      f[s - 1] = n >= LAG ? train.value(n - LAG + (s - 1) % LAG) : train.value(n - 1);
    }
    return new PointForecast(f);
  }
}
