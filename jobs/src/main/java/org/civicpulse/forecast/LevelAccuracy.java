package org.civicpulse.forecast;

import java.util.ArrayList;
import java.util.List;
import org.civicpulse.forecast.models.SeasonalNaive;

/**
 * The accuracy of each hierarchy level, from the per-series rows of forecast_accuracy (docs/forecast.md,
 * "Accuracy by level"): the mean over the level's series of the chosen model's and the seasonal naive's MASE,
 * their ratio, and the chosen model's mean interval coverage. A series whose MASE scale is 0 (a flat history)
 * has no MASE: it is counted in {@code scale0} and left out of every mean of its level.
 */
public final class LevelAccuracy {
  /** The hierarchy's levels, top down. */
  public static final List<String> LEVELS = List.of("area", "community", "category", "cell");

  private LevelAccuracy() {}

  /** One per-series row of forecast_accuracy; NaN or null where the mart holds no value. */
  public record SeriesRow(String level, String model, Double mase, Double coverage80, Double coverage95) {}

  /** One level's figures; a mean over no values is null. */
  public record Level(String level, int series, int scale0, Double maseChosen, Double maseSnaive, Double ratio,
      Double coverage80, Double coverage95) {}

  /** The levels that have at least one series with a chosen forecast, in {@link #LEVELS} order. */
  public static List<Level> of(List<SeriesRow> rows) {
    List<Level> out = new ArrayList<>();
    for (String level : LEVELS) {
      Mean chosen = new Mean();
      Mean snaive = new Mean();
      Mean cov80 = new Mean();
      Mean cov95 = new Mean();
      int series = 0;
      int scale0 = 0;
      for (SeriesRow r : rows) {
        if (!level.equals(r.level())) {
          continue;
        }
        if (r.model().equals(SeriesForecaster.CHOSEN)) {
          series++;
          if (!finite(r.mase())) {
            scale0++;
          } else {
            chosen.add(r.mase());
            cov80.add(r.coverage80());
            cov95.add(r.coverage95());
          }
        } else if (r.model().equals(SeasonalNaive.NAME)) {
          snaive.add(r.mase());
        }
      }
      if (series > 0) {
        Double mc = chosen.value();
        Double ms = snaive.value();
        Double ratio = mc == null || ms == null || ms == 0.0 ? null : mc / ms;
        out.add(new Level(level, series, scale0, mc, ms, ratio, cov80.value(), cov95.value()));
      }
    }
    return out;
  }

  private static boolean finite(Double v) {
    return v != null && !v.isNaN();
  }

  /** A running mean of the finite values added. */
  private static final class Mean {
    private double sum;
    private int n;

    void add(Double v) {
      if (finite(v)) {
        sum += v;
        n++;
      }
    }

    Double value() {
      return n == 0 ? null : sum / n;
    }
  }
}
