/**
 * Long-term weekly demand forecasts (docs/forecast.md): the per-series backtest ({@link
 * org.civicpulse.forecast.SeriesForecaster}), out-of-sample {@code combo}/{@code chosen}, intervals calibrated on
 * backtest residuals, bottom-up reconciliation, and the Spark-free {@code forecast --series} mode ({@link
 * org.civicpulse.forecast.SeriesCsvForecast}).
 *
 * <p>No look-ahead, by construction: models are fitted on {@code series.head(origin + 1)} only; combo, chosen and
 * interval widths at an origin use only "evidence" — backtest origins all of whose actual weeks lie at or
 * before it (an inner backtest before the first origin, then earlier outer origins).
 *
 * <p>Choices where docs/forecast.md is silent: an origin needs 53 training weeks (one seasonal lag plus one, so the
 * MASE scale exists; shorter origins are dropped with a warning); the inner backtest has up to 4 origins,
 * continuing the outer pattern backwards; {@code origins} in forecast_accuracy.csv is the number of origin
 * forecasts averaged (series × origins on ALL rows); a (series, origin) whose MASE scale is 0 is left out of
 * MASE means only, and the series is named in a warning; croston and tsb are scored for every series but
 * compete for combo/chosen only where half or more of the training weeks are zero.
 */
package org.civicpulse.forecast;
