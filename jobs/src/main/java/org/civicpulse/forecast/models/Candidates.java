package org.civicpulse.forecast.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The candidate models of docs/forecast.md. */
public final class Candidates {
  /** The models only an intermittent series may use: the intermittent-demand methods. */
  public static final Set<String> INTERMITTENT_ONLY = Set.of("croston", "tsb");

  private Candidates() {}

  /** snaive, ets, fourier_arima, croston, tsb, gbm — in output order, gbm fitted per series ({@link Gbm}). */
  public static List<ForecastModel> standard() {
    return with(new Gbm());
  }

  /** The same candidates with {@code gbm} as the global model of each origin ({@link GlobalGbm}). */
  public static List<ForecastModel> withGlobalGbm(GbmModels models) {
    return with(new GlobalGbm(models));
  }

  private static List<ForecastModel> with(ForecastModel gbm) {
    List<ForecastModel> all = new ArrayList<>(
        List.of(new SeasonalNaive(), new EtsModel(), new FourierArima(), new Croston(), new Tsb()));
    all.add(gbm);
    return List.copyOf(all);
  }

  /** Intermittent per docs/forecast.md: half the weeks or more at zero. */
  public static boolean intermittent(WeeklySeries series) {
    return series.zeroShare() >= 0.5;
  }
}
