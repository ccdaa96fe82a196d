package org.civicpulse.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicpulse.forecast.models.Candidates;
import org.civicpulse.forecast.models.ForecastModel;
import org.civicpulse.forecast.models.IsoWeek;
import org.civicpulse.forecast.models.PointForecast;
import org.civicpulse.forecast.models.WeeklySeries;

/**
 * The model forecasts made at one origin from the training data up to it — the models see only
 * {@code series.head(origin + 1)}, which is what rules out look-ahead — plus the actuals that followed
 * (empty at the final as-of week).
 */
final class OriginRun implements java.io.Serializable {
  final IsoWeek origin;
  final int originIndex;
  final Map<String, PointForecast> forecasts;
  final double[] actuals;
  /** MASE scale of the training data (NaN or 0 when undefined). */
  final double maseScale;
  /** A positive scale for normalising errors across origins and series. */
  final double errorScale;
  /** Whether the training data was intermittent (half its weeks or more at zero): the series' class here. */
  final boolean intermittent;

  private OriginRun(IsoWeek origin, int originIndex, Map<String, PointForecast> forecasts, double[] actuals,
      double maseScale, double errorScale, boolean intermittent) {
    this.origin = origin;
    this.originIndex = originIndex;
    this.forecasts = forecasts;
    this.actuals = actuals;
    this.maseScale = maseScale;
    this.errorScale = errorScale;
    this.intermittent = intermittent;
  }

  static OriginRun at(WeeklySeries series, int originIndex, int horizon, List<ForecastModel> models) {
    WeeklySeries train = series.head(originIndex + 1);
    Map<String, PointForecast> forecasts = new LinkedHashMap<>();
    for (ForecastModel m : models) {
      if (m.canForecast(train)) {
        forecasts.put(m.name(), m.forecast(train, horizon));
      }
    }
    int available = Math.max(0, Math.min(horizon, series.length() - originIndex - 1));
    double[] actuals = Arrays.copyOfRange(series.values(), originIndex + 1, originIndex + 1 + available);
    return new OriginRun(train.lastWeek(), originIndex, forecasts, actuals, Accuracy.scale(train),
        Accuracy.positiveScale(train), Candidates.intermittent(train));
  }

  /** A run from given forecasts (tests and hand-worked examples). */
  static OriginRun of(IsoWeek origin, int originIndex, Map<String, PointForecast> forecasts, double[] actuals,
      double maseScale, double errorScale, boolean intermittent) {
    return new OriginRun(origin, originIndex, forecasts, actuals, maseScale, errorScale, intermittent);
  }

  boolean has(Method method) {
    return method.models().stream().allMatch(forecasts::containsKey);
  }

  /** The method's forecast here (the mean of its models). */
  double[] forecast(Method method) {
    double[] sum = new double[forecasts.values().iterator().next().horizon()];
    for (String m : method.models()) {
      double[] f = forecasts.get(m).mean();
      for (int i = 0; i < sum.length; i++) {
        sum[i] += f[i] / method.models().size();
      }
    }
    return sum;
  }

  /** Mean absolute error over the actuals, divided by the error scale. */
  double scaledError(Method method) {
    return Accuracy.meanAbsoluteError(actuals, Arrays.copyOf(forecast(method), actuals.length)) / errorScale;
  }
}
