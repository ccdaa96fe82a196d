package org.civicpulse.forecast.models;

import java.util.Arrays;

/**
 * {@code gbm}: gradient-boosted regression trees (squared loss, depth {@value #DEPTH}, shrinkage
 * {@value #SHRINKAGE}) on {@link GbmFeatures}, forecasting recursively — each step's forecast becomes the
 * next step's lag.
 *
 * <p>The number of rounds is fitted, not fixed: the last {@value #VALIDATION_WEEKS} training weeks are held
 * out, a {@value #MAX_ROUNDS}-round model is fitted on the weeks before them, and the round count (0, 5, …,
 * {@value #MAX_ROUNDS}) whose recursive forecast of the held-out weeks has the smallest absolute error wins
 * (fewest rounds on ties); the model is then refitted on all training weeks with that many rounds. No
 * randomness: the same series always gives the same forecast.
 */
public final class Gbm implements ForecastModel {
  static final int DEPTH = 2;
  static final double SHRINKAGE = 0.1;
  static final int MIN_LEAF = 5;
  static final int MAX_ROUNDS = 100;
  static final int ROUND_STEP = 5;
  static final int VALIDATION_WEEKS = 13;
  /** Rounds used when the series is too short to hold weeks out. */
  static final int DEFAULT_ROUNDS = 50;
  /** Training rows needed to fit trees at all; shorter series get the mean of their last 13 weeks. */
  static final int MIN_ROWS = 26;

  @Override
  public String name() {
    return "gbm";
  }

  @Override
  public PointForecast forecast(WeeklySeries train, int horizon) {
    double[] y = train.values();
    int n = y.length;
    GbmFeatures features = GbmFeatures.forSeries(train);
    if (n - features.firstRow() < MIN_ROWS) {
      return flat(y, horizon);
    }
    int rounds = chooseRounds(y, features);
    BoostedTrees model = fit(y, n, features, rounds);
    return new PointForecast(recursive(model, rounds, features, y, n, horizon));
  }

  /** The mean of the last 13 weeks at every step: the answer when there is too little data for trees. */
  static PointForecast flat(double[] y, int horizon) {
    double level = Arrays.stream(y, Math.max(0, y.length - GbmFeatures.LONG_MEAN), y.length).average().orElse(0);
    double[] flat = new double[horizon];
    Arrays.fill(flat, level);
    return new PointForecast(flat);
  }

  /** The round count whose held-out recursive forecast has the smallest absolute error. */
  static int chooseRounds(double[] y, GbmFeatures features) {
    int end = y.length - VALIDATION_WEEKS;
    if (end - features.firstRow() < MIN_ROWS) {
      return DEFAULT_ROUNDS;
    }
    BoostedTrees model = fit(y, end, features, MAX_ROUNDS);
    int best = 0;
    double bestError = Double.POSITIVE_INFINITY;
    for (int r = 0; r <= MAX_ROUNDS; r += ROUND_STEP) {
      double[] f = recursive(model, r, features, y, end, VALIDATION_WEEKS);
      double error = 0;
      for (int i = 0; i < VALIDATION_WEEKS; i++) {
        error += Math.abs(y[end + i] - f[i]);
      }
      if (error < bestError - 1e-9) {
        best = r;
        bestError = error;
      }
    }
    return best;
  }

  /** Trees fitted on the rows with target positions firstRow..end−1. */
  private static BoostedTrees fit(double[] y, int end, GbmFeatures features, int rounds) {
    int first = features.firstRow();
    double[][] x = new double[end - first][];
    double[] target = Arrays.copyOfRange(y, first, end);
    for (int t = first; t < end; t++) {
      x[t - first] = features.row(y, t);
    }
    return BoostedTrees.fit(x, target, rounds, SHRINKAGE, DEPTH, MIN_LEAF);
  }

  /** Steps 1..horizon after position end − 1, each (floored at 0) fed back as the next step's history. */
  private static double[] recursive(BoostedTrees model, int rounds, GbmFeatures features, double[] y, int end,
      int horizon) {
    double[] buffer = Arrays.copyOf(y, end + horizon);
    for (int t = end; t < end + horizon; t++) {
      buffer[t] = Math.max(0, model.predict(features.row(buffer, t), rounds));
    }
    return Arrays.copyOfRange(buffer, end, end + horizon);
  }
}
