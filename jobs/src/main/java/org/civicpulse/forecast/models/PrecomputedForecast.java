package org.civicpulse.forecast.models;

import java.util.Map;

/**
 * A candidate whose forecasts were made elsewhere, keyed by origin week (the hook for {@code gbm}: the
 * Spark runner trains one global model per origin and hands each series its forecasts).
 */
public final class PrecomputedForecast implements ForecastModel {
  private final String name;
  private final Map<IsoWeek, double[]> byOrigin;

  public PrecomputedForecast(String name, Map<IsoWeek, double[]> byOrigin) {
    this.name = name;
    this.byOrigin = Map.copyOf(byOrigin);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean canForecast(WeeklySeries train) {
    return train.length() > 0 && byOrigin.containsKey(train.lastWeek());
  }

  @Override
  public PointForecast forecast(WeeklySeries train, int horizon) {
    double[] f = byOrigin.get(train.lastWeek());
    if (f == null || f.length < horizon) {
      throw new IllegalStateException(name + " has no " + horizon + "-week forecast at " + train.lastWeek());
    }
    return new PointForecast(java.util.Arrays.copyOf(f, horizon));
  }
}
