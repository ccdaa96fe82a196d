package org.civicpulse.stats;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The anomaly rule of docs/metrics.md: x against the same weekday of the previous 8 weeks (at least 6 needed).
 * z = (x − median) / (1.4826 · MAD); where MAD = 0, 1.2533 · mean absolute deviation; where that is 0 too, z is
 * empty and the day is flagged only if |x − median| ≥ 10. Flag |z| ≥ 3.5 and x ≥ 10.
 */
public final class RobustZ {
  public static final int MIN_HISTORY = 6;
  public static final double THRESHOLD = 3.5;
  public static final double MIN_VOLUME = 10;
  public static final double FLAT_JUMP = 10;

  /** z (empty when undefined) and the flag. */
  public record Result(OptionalDouble z, boolean flag) {}

  private RobustZ() {}

  public static Result score(double x, double[] history) {
    if (history == null || history.length < MIN_HISTORY) {
      return new Result(OptionalDouble.empty(), false);
    }
    double median = Percentiles.exact(history, 0.5);
    double[] dev = Arrays.stream(history).map(h -> Math.abs(h - median)).toArray();
    double mad = Percentiles.exact(dev, 0.5);
    double scale = 1.4826 * mad;
    if (scale == 0) {
      scale = 1.2533 * Arrays.stream(dev).average().orElse(0);
    }
    if (scale == 0) {
      return new Result(OptionalDouble.empty(), Math.abs(x - median) >= FLAT_JUMP && x >= MIN_VOLUME);
    }
    double z = (x - median) / scale;
    return new Result(OptionalDouble.of(z), Math.abs(z) >= THRESHOLD && x >= MIN_VOLUME);
  }
}
