package org.civicpulse.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Turns origin scores into forecast_accuracy rows: per series and model the mean over its origins, and per
 * model a series {@code ALL} row = the mean over series × origins. Origins with an undefined or zero MASE
 * scale are left out of MASE means only.
 */
public final class AccuracySummary {
  public static final String ALL = "ALL";

  private AccuracySummary() {}

  /** Rows for each outcome's series in order, then the ALL rows, models in {@code modelOrder}. */
  public static List<AccuracyRow> rows(List<SeriesOutcome> outcomes, List<String> modelOrder) {
    List<AccuracyRow> rows = new ArrayList<>();
    for (SeriesOutcome o : outcomes) {
      for (String model : modelOrder) {
        List<OriginScore> s = o.scores().stream().filter(x -> x.model().equals(model)).toList();
        if (!s.isEmpty()) {
          rows.add(row(o.series(), model, s));
        }
      }
    }
    for (String model : modelOrder) {
      List<OriginScore> s = outcomes.stream().flatMap(o -> o.scores().stream())
          .filter(x -> x.model().equals(model)).toList();
      if (!s.isEmpty()) {
        rows.add(row(ALL, model, s));
      }
    }
    return rows;
  }

  private static AccuracyRow row(String series, String model, List<OriginScore> s) {
    return new AccuracyRow(series, model, s.size(), mean(s, OriginScore::mase), mean(s, OriginScore::smape),
        mean(s, OriginScore::coverage80), mean(s, OriginScore::coverage95));
  }

  /** Mean of the finite values; NaN when there are none. */
  private static double mean(List<OriginScore> s, ToDoubleFunction<OriginScore> f) {
    double sum = 0;
    int n = 0;
    for (OriginScore x : s) {
      double v = f.applyAsDouble(x);
      if (Double.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
