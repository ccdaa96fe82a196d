package org.civicpulse.forecast.models;

/** One forecasting method: fits on a training series and forecasts the next {@code horizon} weeks. */
public interface ForecastModel extends java.io.Serializable {
  /** The model name used in output files (docs/forecast.md). */
  String name();

  /** Whether this model can forecast from this training series (e.g. an external forecast exists). */
  default boolean canForecast(WeeklySeries train) {
    return train.length() > 0;
  }

  /** Fits on {@code train} only and forecasts steps 1..horizon after its last week. */
  PointForecast forecast(WeeklySeries train, int horizon);
}
