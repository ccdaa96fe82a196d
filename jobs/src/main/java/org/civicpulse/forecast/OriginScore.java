package org.civicpulse.forecast;

import org.civicpulse.forecast.models.IsoWeek;

/**
 * One model's backtest result at one origin: MASE (NaN when the training scale is 0), sMAPE, the share of
 * actuals inside the 80 % / 95 % intervals, and the forecast that was scored.
 */
public record OriginScore(String series, String model, IsoWeek origin, double mase, double smape,
    double coverage80, double coverage95, IntervalForecast forecast) implements java.io.Serializable {}
