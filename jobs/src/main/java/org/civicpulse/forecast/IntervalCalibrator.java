package org.civicpulse.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prediction intervals from backtest residuals. Errors at evidence origins are divided by that origin's
 * error scale; per horizon step their root mean square is smoothed to be non-decreasing in the step
 * (uncertainty does not shrink with the horizon); the 80 % and 95 % multipliers are the empirical quantiles of
 * |error| ÷ that spread, pooled over steps and origins. Bounds = forecast ± multiplier × spread × scale,
 * clipped at 0.
 */
final class IntervalCalibrator {
  /** Normal quantiles used when there is no evidence at all. */
  private static final double Z80 = 1.2816;
  private static final double Z95 = 1.9600;

  private IntervalCalibrator() {}

  /** Calibration in scaled units for a method and horizon. */
  record Calibration(double[] spread, double multiplier80, double multiplier95) {
    IntervalForecast apply(double[] mean, double scale) {
      int h = mean.length;
      double[] lo80 = new double[h];
      double[] hi80 = new double[h];
      double[] lo95 = new double[h];
      double[] hi95 = new double[h];
      for (int i = 0; i < h; i++) {
        double s = spread[i] * scale;
        lo80[i] = Math.max(0, mean[i] - multiplier80 * s);
        hi80[i] = mean[i] + multiplier80 * s;
        lo95[i] = Math.max(0, mean[i] - multiplier95 * s);
        hi95[i] = mean[i] + multiplier95 * s;
      }
      return new IntervalForecast(mean.clone(), lo80, hi80, lo95, hi95);
    }
  }

  static Calibration calibrate(List<OriginRun> evidence, Method method, int horizon) {
    List<double[]> errors = new ArrayList<>();
    for (OriginRun r : evidence) {
      if (r.has(method) && r.actuals.length == horizon) {
        double[] f = r.forecast(method);
        double[] e = new double[horizon];
        for (int i = 0; i < horizon; i++) {
          e[i] = (r.actuals[i] - f[i]) / r.errorScale;
        }
        errors.add(e);
      }
    }
    if (errors.size() < 2) {
      double[] spread = new double[horizon];
      for (int i = 0; i < horizon; i++) {
        spread[i] = Math.sqrt(i + 1.0);
      }
      return new Calibration(spread, Z80, Z95);
    }
    double[] spread = new double[horizon];
    for (int i = 0; i < horizon; i++) {
      double ss = 0;
      for (double[] e : errors) {
        ss += e[i] * e[i];
      }
      spread[i] = Math.sqrt(ss / errors.size());
    }
    spread = nonDecreasing(spread);
    double floor = Arrays.stream(spread).max().orElse(0) * 1e-3 + 1e-9;
    double[] z = new double[errors.size() * horizon];
    int k = 0;
    for (double[] e : errors) {
      for (int i = 0; i < horizon; i++) {
        spread[i] = Math.max(spread[i], floor);
        z[k++] = Math.abs(e[i]) / spread[i];
      }
    }
    Arrays.sort(z);
    return new Calibration(spread, quantile(z, 0.80), quantile(z, 0.95));
  }

  /** Pool-adjacent-violators: the closest non-decreasing sequence (least squares). */
  static double[] nonDecreasing(double[] x) {
    int n = x.length;
    double[] value = new double[n];
    int[] size = new int[n];
    int blocks = 0;
    for (double v : x) {
      value[blocks] = v;
      size[blocks] = 1;
      blocks++;
      while (blocks > 1 && value[blocks - 2] > value[blocks - 1]) {
        double merged = (value[blocks - 2] * size[blocks - 2] + value[blocks - 1] * size[blocks - 1])
            / (size[blocks - 2] + size[blocks - 1]);
        size[blocks - 2] += size[blocks - 1];
        value[blocks - 2] = merged;
        blocks--;
      }
    }
    double[] out = new double[n];
    int k = 0;
    for (int b = 0; b < blocks; b++) {
      for (int i = 0; i < size[b]; i++) {
        out[k++] = value[b];
      }
    }
    return out;
  }

  /** Linear-interpolation quantile of sorted values (R type 7). */
  static double quantile(double[] sorted, double p) {
    double pos = p * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
