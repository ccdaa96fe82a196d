package org.civicpulse.forecast.models;

import java.util.Arrays;

/**
 * One training series as the global {@code gbm} sees it: divided by its own level so that big and small series
 * share one model, with the features of {@link GbmFeatures} (lag 52 and the holiday flag always present) plus two
 * series-level features: log(1 + level), so the trees can still tell big from small series, and the share of
 * zero weeks in the last year (intermittency).
 *
 * <p>The level is the mean of the last 52 training weeks (all training weeks when those are all zero): the
 * current size of the series, from training data only. A series that is zero throughout has no rows and
 * forecasts 0.
 */
public final class PooledSeries {
  /** The first target position: every row has lag 52. */
  static final int FIRST_ROW = SeasonalNaive.LAG;
  static final int SERIES_FEATURES = 2;

  private final WeeklySeries train;
  private final double level;
  private final double[] scaled;
  private final GbmFeatures features;
  private final double logLevel;
  private final double zeroShare;

  public PooledSeries(WeeklySeries train) {
    this.train = train;
    double[] y = train.values();
    int n = y.length;
    int from = Math.max(0, n - SeasonalNaive.LAG);
    double recent = Arrays.stream(y, from, n).average().orElse(0);
    this.level = recent > 0 ? recent : Arrays.stream(y).average().orElse(0);
    this.scaled = Arrays.stream(y).map(v -> level > 0 ? v / level : 0).toArray();
    this.features = GbmFeatures.pooled(train);
    this.logLevel = Math.log1p(level);
    this.zeroShare = Arrays.stream(y, from, n).filter(v -> v == 0).count() / (double) Math.max(1, n - from);
  }

  /** Training rows: targets at positions {@value #FIRST_ROW}..n−1 (none for an all-zero series). */
  public int rowCount() {
    return level > 0 ? Math.max(0, train.length() - FIRST_ROW) : 0;
  }

  /** The row whose target is position {@code FIRST_ROW + i}. */
  public double[] row(int i) {
    return row(scaled, FIRST_ROW + i);
  }

  /** The scaled target of row {@code i}. */
  public double target(int i) {
    return scaled[FIRST_ROW + i];
  }

  /** Whether row {@code i}'s target lies in the last {@code weeks} training weeks. */
  public boolean inLast(int i, int weeks) {
    return FIRST_ROW + i >= train.length() - weeks;
  }

  public static int featureCount() {
    return GbmFeatures.pooledCount() + SERIES_FEATURES;
  }

  /** Steps 1..horizon, recursively: each scaled forecast (floored at 0) is the next step's history. */
  public double[] forecast(GbmRegressor model, int horizon) {
    int n = scaled.length;
    if (level <= 0) {
      return new double[horizon];
    }
    double[] buffer = Arrays.copyOf(scaled, n + horizon);
    for (int t = n; t < n + horizon; t++) {
      buffer[t] = Math.max(0, model.predict(row(buffer, t)));
    }
    return Arrays.stream(buffer, n, n + horizon).map(v -> v * level).toArray();
  }

  private double[] row(double[] y, int t) {
    double[] own = features.row(y, t);
    double[] f = Arrays.copyOf(own, own.length + SERIES_FEATURES);
    f[own.length] = logLevel;
    f[own.length + 1] = zeroShare;
    return f;
  }
}
