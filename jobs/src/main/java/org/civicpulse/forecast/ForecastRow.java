package org.civicpulse.forecast;

import org.civicpulse.forecast.models.IsoWeek;

/** One row of forecasts.csv / the forecasts table (docs/forecast.md). */
public record ForecastRow(String series, IsoWeek asOfWeek, IsoWeek week, int horizon, String model,
    double forecast, double lo80, double hi80, double lo95, double hi95) implements java.io.Serializable {}
