package org.civicpulse.forecast.models;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradient boosting for squared loss: start at the target mean, then each round fits a shallow
 * {@link RegressionTree} to the current residuals and adds it scaled by the shrinkage. No sampling, so the
 * same rows always give the same model; the first r trees of a fit are exactly an r-round fit.
 */
final class BoostedTrees implements GbmRegressor {
  private final double base;
  private final double shrinkage;
  private final List<RegressionTree> trees;

  private BoostedTrees(double base, double shrinkage, List<RegressionTree> trees) {
    this.base = base;
    this.shrinkage = shrinkage;
    this.trees = trees;
  }

  static BoostedTrees fit(double[][] x, double[] y, int rounds, double shrinkage, int maxDepth, int minLeaf) {
    double base = 0;
    for (double v : y) {
      base += v / y.length;
    }
    RegressionTree.Presorted sorted = RegressionTree.sortByFeature(x, x.length == 0 ? 0 : x[0].length);
    double[] residual = new double[y.length];
    for (int r = 0; r < y.length; r++) {
      residual[r] = y[r] - base;
    }
    List<RegressionTree> trees = new ArrayList<>();
    for (int m = 0; m < rounds; m++) {
      RegressionTree tree = RegressionTree.fit(x, residual, sorted, maxDepth, minLeaf);
      trees.add(tree);
      for (int r = 0; r < y.length; r++) {
        residual[r] -= shrinkage * tree.predict(x[r]);
      }
    }
    return new BoostedTrees(base, shrinkage, trees);
  }

  int rounds() {
    return trees.size();
  }

  /** The prediction of the first {@code rounds} trees. */
  double predict(double[] row, int rounds) {
    double p = base;
    for (int m = 0; m < rounds; m++) {
      p += shrinkage * trees.get(m).predict(row);
    }
    return p;
  }

  @Override
  public double predict(double[] row) {
    return predict(row, trees.size());
  }
}
