/**
 * Forecasting models in plain Java (no Spark): {@code snaive}, {@code ets}, {@code fourier_arima}, {@code croston},
 * {@code tsb}, and {@code gbm} — per series ({@link org.civicpulse.forecast.models.Gbm}) or, as docs/forecast.md has it,
 * one global model per origin over all series ({@link org.civicpulse.forecast.models.GlobalGbm} on scaled
 * {@link org.civicpulse.forecast.models.PooledSeries}); {@link org.civicpulse.forecast.models.PrecomputedForecast}
 * takes forecasts made elsewhere. The yearly season is carried by Fourier terms of the calendar (phase from
 * each ISO week's Thursday), never by 52 free seasonal states; parameters are fitted by least squares or
 * conditional sums of squares, orders and numbers of terms by AICc. Forecasts are clipped at 0.
 */
package org.civicpulse.forecast.models;
