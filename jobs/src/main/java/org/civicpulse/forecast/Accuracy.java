package org.civicpulse.forecast;

import org.civicpulse.forecast.models.WeeklySeries;

/** The error measures of docs/forecast.md. */
public final class Accuracy {
  public static final int SEASON = 52;

  private Accuracy() {}

  /** MASE scale: mean |y_t − y_{t−52}| over the training weeks; NaN under 53 weeks. */
  public static double scale(WeeklySeries train) {
    int n = train.length();
    if (n <= SEASON) {
      return Double.NaN;
    }
    double sum = 0;
    for (int t = SEASON; t < n; t++) {
      sum += Math.abs(train.value(t) - train.value(t - SEASON));
    }
    return sum / (n - SEASON);
  }

  /** A positive scale for error normalisation: the MASE scale, else mean |y|, else 1. */
  public static double positiveScale(WeeklySeries train) {
    double s = scale(train);
    if (s > 0) {
      return s;
    }
    double mean = 0;
    for (int t = 0; t < train.length(); t++) {
      mean += Math.abs(train.value(t));
    }
    mean /= Math.max(train.length(), 1);
    return mean > 0 ? mean : 1;
  }

  public static double meanAbsoluteError(double[] actual, double[] forecast) {
    double s = 0;
    for (int i = 0; i < actual.length; i++) {
      s += Math.abs(actual[i] - forecast[i]);
    }
    return s / actual.length;
  }

  /** MAE ÷ scale; NaN when the scale is 0 or undefined (such series are left out of means). */
  public static double mase(double[] actual, double[] forecast, double scale) {
    return scale > 0 ? meanAbsoluteError(actual, forecast) / scale : Double.NaN;
  }

  /** mean 200·|a − f| / (|a| + |f|), 0/0 counted as 0. */
  public static double smape(double[] actual, double[] forecast) {
    double s = 0;
    for (int i = 0; i < actual.length; i++) {
      double d = Math.abs(actual[i]) + Math.abs(forecast[i]);
      s += d == 0 ? 0 : 200 * Math.abs(actual[i] - forecast[i]) / d;
    }
    return s / actual.length;
  }

  /** Share of actuals within [lo, hi]. */
  public static double coverage(double[] actual, double[] lo, double[] hi) {
    int in = 0;
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] >= lo[i] && actual[i] <= hi[i]) {
        in++;
      }
    }
    return (double) in / actual.length;
  }
}
