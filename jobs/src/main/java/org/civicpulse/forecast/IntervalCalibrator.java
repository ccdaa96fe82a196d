package org.civicpulse.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prediction intervals from backtest residuals, split-conformal per horizon step (docs/forecast.md,
 * "Intervals"). Each evidence run's absolute errors are divided by that run's error scale; for step h the 80 %
 * and 95 % half-widths are the conformal quantiles of those scaled errors at steps h − {@value #NEIGHBOURS} …
 * h + {@value #NEIGHBOURS} over every run given (a panel's runs: tens to thousands), then made non-decreasing
 * in the step (uncertainty does not shrink with the horizon). Bounds = forecast ± half-width × the forecast
 * run's own scale, clipped at 0.
 */
final class IntervalCalibrator {
  /** Steps on each side pooled with a step: neighbouring steps' errors are alike, and five times as many. */
  static final int NEIGHBOURS = 2;
  /**
   * Runs a calibration reads at most: evenly spaced over the evidence beyond that. 4,000 runs give each step
   * 20,000 scores, plenty for a 95 % quantile; 10,000 series would give 50,000 runs per origin week and method.
   */
  static final int MAX_RUNS = 4_000;
  /** Normal quantiles used when there is no evidence at all, with a √step spread. */
  private static final double Z80 = 1.2816;
  private static final double Z95 = 1.9600;

  private IntervalCalibrator() {}

  /** Half-widths per step in scaled units (index 0 = step 1). */
  record Calibration(double[] half80, double[] half95) {
    IntervalForecast apply(double[] mean, double scale) {
      int h = mean.length;
      double[] lo80 = new double[h];
      double[] hi80 = new double[h];
      double[] lo95 = new double[h];
      double[] hi95 = new double[h];
      for (int i = 0; i < h; i++) {
        lo80[i] = Math.max(0, mean[i] - half80[i] * scale);
        hi80[i] = mean[i] + half80[i] * scale;
        lo95[i] = Math.max(0, mean[i] - half95[i] * scale);
        hi95[i] = mean[i] + half95[i] * scale;
      }
      return new IntervalForecast(mean.clone(), lo80, hi80, lo95, hi95);
    }
  }

  static Calibration calibrate(List<OriginRun> evidence, Method method, int horizon) {
    List<OriginRun> usable = evidence.stream().filter(r -> r.has(method) && r.actuals.length == horizon).toList();
    List<double[]> errors = new ArrayList<>();
    double every = Math.max(1.0, usable.size() / (double) MAX_RUNS);
    for (double pos = 0; pos < usable.size(); pos += every) {
      OriginRun r = usable.get((int) pos);
      double[] f = r.forecast(method);
      double[] e = new double[horizon];
      for (int i = 0; i < horizon; i++) {
        e[i] = Math.abs(r.actuals[i] - f[i]) / r.errorScale;
      }
      errors.add(e);
    }
    double[] half80 = new double[horizon];
    double[] half95 = new double[horizon];
    if (errors.size() < 2) {
      for (int i = 0; i < horizon; i++) {
        half80[i] = Z80 * Math.sqrt(i + 1.0);
        half95[i] = Z95 * Math.sqrt(i + 1.0);
      }
      return new Calibration(half80, half95);
    }
    for (int i = 0; i < horizon; i++) {
      int from = Math.max(0, i - NEIGHBOURS);
      int to = Math.min(horizon - 1, i + NEIGHBOURS);
      double[] z = new double[errors.size() * (to - from + 1)];
      int k = 0;
      for (double[] e : errors) {
        for (int j = from; j <= to; j++) {
          z[k++] = e[j];
        }
      }
      Arrays.sort(z);
      half80[i] = conformal(z, 0.80);
      half95[i] = conformal(z, 0.95);
    }
    return new Calibration(nonDecreasing(half80), nonDecreasing(half95));
  }

  /**
   * The split-conformal quantile of sorted scores: the ⌈(n + 1)·p⌉-th smallest, so a new score exchangeable
   * with the n falls at or below it with probability at least p; the largest when that rank passes n.
   */
  static double conformal(double[] sorted, double p) {
    int rank = (int) Math.ceil((sorted.length + 1) * p);
    return sorted[Math.min(rank, sorted.length) - 1];
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
}
