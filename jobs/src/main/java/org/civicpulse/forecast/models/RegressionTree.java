package org.civicpulse.forecast.models;

import java.util.Arrays;

/**
 * A least-squares regression tree of bounded depth, grown level by level with exact (greedy) splits.
 *
 * <p>Nodes are stored as a complete binary heap (children of node i at 2i + 1 and 2i + 2), so a depth-d tree is
 * at most 2^(d+1) − 1 slots. Rows go left when {@code x[feature] <= threshold}; the threshold is the midpoint
 * between the two neighbouring distinct values, and ties in gain keep the first feature (deterministic).
 */
final class RegressionTree implements java.io.Serializable {
  private final int[] feature;
  private final double[] threshold;
  private final double[] value;

  private RegressionTree(int[] feature, double[] threshold, double[] value) {
    this.feature = feature;
    this.threshold = threshold;
    this.value = value;
  }

  /**
   * Row indices of every feature in ascending order of its value, with the values in that order (computed once per
   * boosting fit: every round reuses it, which keeps a split search O(rows) and reads the values in sequence).
   */
  record Presorted(int[][] order, double[][] values) {}

  /**
   * Fits rows {@code x[0..]} to {@code target}, with {@code sorted} from {@link #sortByFeature} on the same rows.
   */
  static RegressionTree fit(double[][] x, double[] target, Presorted sorted, int maxDepth, int minLeaf) {
    int slots = (1 << (maxDepth + 1)) - 1;
    int[] feature = new int[slots];
    double[] threshold = new double[slots];
    Arrays.fill(feature, -1);
    int[] node = new int[target.length];
    for (int depth = 0; depth < maxDepth; depth++) {
      int first = (1 << depth) - 1;
      int width = 1 << depth;
      Split[] best = bestSplits(target, sorted, node, first, width, minLeaf);
      boolean any = false;
      for (int k = 0; k < width; k++) {
        if (best[k] != null) {
          feature[first + k] = best[k].feature;
          threshold[first + k] = best[k].threshold;
          any = true;
        }
      }
      if (!any) {
        break;
      }
      for (int r = 0; r < node.length; r++) {
        int k = node[r];
        if (k >= first && feature[k] >= 0) {
          node[r] = x[r][feature[k]] <= threshold[k] ? 2 * k + 1 : 2 * k + 2;
        }
      }
    }
    double[] sum = new double[slots];
    int[] count = new int[slots];
    for (int r = 0; r < node.length; r++) {
      sum[node[r]] += target[r];
      count[node[r]]++;
    }
    double[] value = new double[slots];
    for (int k = 0; k < slots; k++) {
      value[k] = count[k] == 0 ? 0 : sum[k] / count[k];
    }
    return new RegressionTree(feature, threshold, value);
  }

  double predict(double[] row) {
    int k = 0;
    while (feature[k] >= 0) {
      k = row[feature[k]] <= threshold[k] ? 2 * k + 1 : 2 * k + 2;
    }
    return value[k];
  }

  /** The split feature of the root (−1: a single leaf); for tests. */
  int rootFeature() {
    return feature[0];
  }

  double rootThreshold() {
    return threshold[0];
  }

  private record Split(int feature, double threshold, double gain) {}

  /**
   * For the {@code width} nodes starting at heap slot {@code first}: the split that most reduces the sum of
   * squares, {@code SL²/nL + SR²/nR − S²/n}, with at least {@code minLeaf} rows per side (null if none gains).
   */
  private static Split[] bestSplits(double[] target, Presorted sorted, int[] node, int first, int width,
      int minLeaf) {
    double[] total = new double[width];
    int[] totalCount = new int[width];
    for (int r = 0; r < node.length; r++) {
      int k = node[r] - first;
      if (k >= 0 && k < width) {
        total[k] += target[r];
        totalCount[k]++;
      }
    }
    Split[] best = new Split[width];
    double[] leftSum = new double[width];
    int[] leftCount = new int[width];
    double[] lastValue = new double[width];
    for (int f = 0; f < sorted.order().length; f++) {
      Arrays.fill(leftSum, 0);
      Arrays.fill(leftCount, 0);
      int[] order = sorted.order()[f];
      double[] values = sorted.values()[f];
      for (int i = 0; i < order.length; i++) {
        int r = order[i];
        int k = node[r] - first;
        if (k < 0 || k >= width) {
          continue;
        }
        double v = values[i];
        int nl = leftCount[k];
        int nr = totalCount[k] - nl;
        if (nl >= minLeaf && nr >= minLeaf && v > lastValue[k]) {
          double sl = leftSum[k];
          double sr = total[k] - sl;
          double gain = sl * sl / nl + sr * sr / nr - total[k] * total[k] / totalCount[k];
          if (gain > 1e-12 && (best[k] == null || gain > best[k].gain)) {
            best[k] = new Split(f, (lastValue[k] + v) / 2, gain);
          }
        }
        leftSum[k] += target[r];
        leftCount[k]++;
        lastValue[k] = v;
      }
    }
    return best;
  }

  /** Row indices 0..rows−1 sorted by each feature (stable, so equal values keep row order), with the values. */
  static Presorted sortByFeature(double[][] x, int features) {
    int[][] order = new int[features][];
    double[][] values = new double[features][];
    for (int f = 0; f < features; f++) {
      int col = f;
      order[f] = java.util.stream.IntStream.range(0, x.length).boxed()
          .sorted(java.util.Comparator.comparingDouble(r -> x[r][col])).mapToInt(Integer::intValue).toArray();
      values[f] = Arrays.stream(order[f]).mapToDouble(r -> x[r][col]).toArray();
    }
    return new Presorted(order, values);
  }
}
