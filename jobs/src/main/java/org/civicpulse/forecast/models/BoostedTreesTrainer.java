package org.civicpulse.forecast.models;

/**
 * The global {@code gbm} fitted with our own {@link BoostedTrees} (plain Java, no randomness): up to
 * {@value #MAX_ROUNDS} rounds are fitted on the rows not held out, the round count (0, 10, …) with the smallest
 * mean absolute one-step error on the held-out rows wins (fewest on ties), and the model is refitted on all
 * rows with it. Too few rows on either side → {@value #DEFAULT_ROUNDS} rounds on all rows.
 */
public final class BoostedTreesTrainer implements GbmTrainer {
  static final int DEPTH = 4;
  static final double SHRINKAGE = 0.1;
  static final int MIN_LEAF = 20;
  static final int MAX_ROUNDS = 150;
  static final int ROUND_STEP = 10;
  static final int DEFAULT_ROUNDS = 100;
  /** Rows each side of the hold-out split needs before the round count is fitted. */
  static final int MIN_SPLIT_ROWS = 200;

  @Override
  public GbmRegressor fit(PooledRows rows) {
    int rounds = chooseRounds(rows);
    return BoostedTrees.fit(rows.x(), rows.y(), rounds, SHRINKAGE, DEPTH, MIN_LEAF);
  }

  static int chooseRounds(PooledRows rows) {
    PooledRows fit = rows.part(false);
    PooledRows validation = rows.part(true);
    if (fit.size() < MIN_SPLIT_ROWS || validation.size() < MIN_SPLIT_ROWS) {
      return DEFAULT_ROUNDS;
    }
    BoostedTrees model = BoostedTrees.fit(fit.x(), fit.y(), MAX_ROUNDS, SHRINKAGE, DEPTH, MIN_LEAF);
    int best = 0;
    double bestError = Double.POSITIVE_INFINITY;
    for (int r = 0; r <= MAX_ROUNDS; r += ROUND_STEP) {
      double error = 0;
      for (int i = 0; i < validation.size(); i++) {
        error += Math.abs(validation.y()[i] - model.predict(validation.x()[i], r));
      }
      if (error < bestError - 1e-9) {
        best = r;
        bestError = error;
      }
    }
    return best;
  }
}
