package org.civicpulse.forecast;

/**
 * One row of forecast_accuracy.csv (docs/forecast.md). {@code origins} is the number of origin forecasts averaged
 * (for series ALL: series × origins); MASE is NaN when no origin had a non-zero scale.
 */
public record AccuracyRow(String series, String model, int origins, double mase, double smape,
    double coverage80, double coverage95) implements java.io.Serializable {}
