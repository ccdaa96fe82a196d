package org.civicpulse.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Origin positions of docs/forecast.md within a windowed series of {@code length} weeks (position length − 1 is
 * {@code to}): the last origin leaves exactly h weeks up to {@code to} inclusive; earlier ones step back.
 * Inner origins (the evidence available at the first origin) continue the same pattern before it, so their
 * h actual weeks end at or before the first origin.
 */
final class BacktestOrigins {
  /** Training weeks an origin needs: one seasonal lag plus one, so the MASE scale is defined. */
  static final int MIN_TRAIN = 53;
  /** Inner backtest origins used as the first origin's evidence. */
  static final int INNER_ORIGINS = 4;

  private BacktestOrigins() {}

  /** Outer origin positions, ascending; those with under {@link #MIN_TRAIN} training weeks are dropped. */
  static List<Integer> outer(int length, BacktestSpec spec) {
    List<Integer> out = new ArrayList<>();
    int last = length - 1 - spec.horizon();
    for (int i = spec.origins() - 1; i >= 0; i--) {
      int origin = last - i * spec.step();
      if (origin + 1 >= MIN_TRAIN) {
        out.add(origin);
      }
    }
    return out;
  }

  /** Inner origin positions before {@code firstOuter}, ascending. */
  static List<Integer> inner(int firstOuter, BacktestSpec spec) {
    List<Integer> in = new ArrayList<>();
    for (int j = INNER_ORIGINS - 1; j >= 0; j--) {
      int origin = firstOuter - spec.horizon() - j * spec.step();
      if (origin + 1 >= MIN_TRAIN) {
        in.add(origin);
      }
    }
    return in;
  }
}
