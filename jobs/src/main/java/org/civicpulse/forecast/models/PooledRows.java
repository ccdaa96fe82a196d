package org.civicpulse.forecast.models;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The training rows of one global {@code gbm} fit: the rows of every series pooled, at most {@code maxRows} of
 * them (a seeded uniform sample: the same series in the same order always give the same rows), each marked
 * as held out when its target lies in its series' last {@value #HELD_OUT_WEEKS} training weeks.
 */
public record PooledRows(double[][] x, double[] y, boolean[] heldOut) implements java.io.Serializable {
  /** The weeks at the end of every training series on which the round count is fitted. */
  public static final int HELD_OUT_WEEKS = 13;

  public int size() {
    return y.length;
  }

  /** The rows of {@code series}, sampled down to {@code maxRows} with {@code seed}. */
  public static PooledRows of(List<PooledSeries> series, int maxRows, long seed) {
    long total = series.stream().mapToLong(PooledSeries::rowCount).sum();
    double keep = total <= maxRows ? 1 : (double) maxRows / total;
    SplittableRandom random = new SplittableRandom(seed);
    List<double[]> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Boolean> held = new ArrayList<>();
    for (PooledSeries s : series) {
      for (int i = 0; i < s.rowCount(); i++) {
        if (keep < 1 && random.nextDouble() >= keep) {
          continue;
        }
        x.add(s.row(i));
        y.add(s.target(i));
        held.add(s.inLast(i, HELD_OUT_WEEKS));
      }
    }
    boolean[] h = new boolean[held.size()];
    for (int i = 0; i < h.length; i++) {
      h[i] = held.get(i);
    }
    return new PooledRows(x.toArray(double[][]::new), y.stream().mapToDouble(Double::doubleValue).toArray(), h);
  }

  /** The rows not held out (fit) or held out (validation). */
  public PooledRows part(boolean heldOutPart) {
    List<Integer> keep = new ArrayList<>();
    for (int r = 0; r < y.length; r++) {
      if (heldOut[r] == heldOutPart) {
        keep.add(r);
      }
    }
    double[][] px = keep.stream().map(r -> x[r]).toArray(double[][]::new);
    double[] py = keep.stream().mapToDouble(r -> y[r]).toArray();
    return new PooledRows(px, py, new boolean[py.length]);
  }
}
