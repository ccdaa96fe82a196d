package org.civicpulse.forecast;

import org.civicpulse.forecast.models.IsoWeek;

/**
 * One model's backtest result at one origin: MASE (NaN when the training scale is 0), sMAPE, the share of
 * actuals inside the 80 % / 95 % intervals, the forecast that was scored and the actuals it was scored on.
 */
public record OriginScore(String series, String model, IsoWeek origin, double mase, double smape,
    double coverage80, double coverage95, IntervalForecast forecast, double[] actuals) implements java.io.Serializable {}
