package org.civicpulse.forecast;

import org.civicpulse.forecast.models.IsoWeek;

/**
 * Backtest settings of docs/forecast.md: the window {@code from}..{@code to} (inclusive; null = the series' own
 * first/last week), the number of origins, the step between origins and the horizon, all in weeks.
 */
public record BacktestSpec(IsoWeek from, IsoWeek to, int origins, int step, int horizon)
    implements java.io.Serializable {
  public BacktestSpec {
    if (origins < 1 || step < 1 || horizon < 1 || horizon > 52) {
      throw new IllegalArgumentException(
          "origins ≥ 1, step ≥ 1 and horizon 1–52 needed: origins=" + origins + " step=" + step + " horizon=" + horizon);
    }
    if (from != null && to != null && from.compareTo(to) > 0) {
      throw new IllegalArgumentException("--from " + from + " is after --to " + to);
    }
  }

  /** The issue-4 benchmark protocol shape: 8 origins, 13 weeks apart, 13-week horizon, whole series. */
  public static BacktestSpec of(int origins, int step, int horizon) {
    return new BacktestSpec(null, null, origins, step, horizon);
  }
}
