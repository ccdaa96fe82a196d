package org.civicpulse.forecast.models;

import java.util.List;

/** The per-series candidate models of DESIGN §5. */
public final class Candidates {
  private Candidates() {}

  /** snaive, ets, fourier_arima, croston, tsb, gbm — in output order. */
  public static List<ForecastModel> standard() {
    return List.of(new SeasonalNaive(), new EtsModel(), new FourierArima(), new Croston(), new Tsb(), new Gbm());
  }

  /** Intermittent per DESIGN §5: half the weeks or more at zero. */
  public static boolean intermittent(WeeklySeries series) {
    return series.zeroShare() >= 0.5;
  }
}
