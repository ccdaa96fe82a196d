package org.civicpulse.forecast.models;

/**
 * {@code gbm} as docs/forecast.md has it: one global model per origin week, trained on the pooled rows of every
 * series up to that week (see {@code GlobalGbmTraining}), used here per series for a recursive forecast of the
 * series' own scaled history ({@link PooledSeries}). A series under a year long, or an origin without a model (too few pooled
 * rows), gets the per-series {@link Gbm}'s short-series answer, the mean of the last 13 weeks.
 */
public final class GlobalGbm implements ForecastModel {
  private final GbmModels models;

  public GlobalGbm(GbmModels models) {
    this.models = models;
  }

  @Override
  public String name() {
    return "gbm";
  }

  @Override
  public PointForecast forecast(WeeklySeries train, int horizon) {
    if (train.length() < PooledSeries.FIRST_ROW) {
      return Gbm.flat(train.values(), horizon); // under a year: no lag 52 to feed the model
    }
    return models.at(train.lastWeek())
        .map(m -> new PointForecast(new PooledSeries(train).forecast(m, horizon)))
        .orElseGet(() -> Gbm.flat(train.values(), horizon));
  }
}
