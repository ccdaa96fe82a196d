package org.civicpulse.forecast.models;

/** KPSS level-stationarity test, used to decide whether regression errors need one difference. */
final class Kpss {
  /** 5 % critical value of the level-stationarity statistic. */
  static final double CRITICAL_5PCT = 0.463;

  private Kpss() {}

  /** True when stationarity is rejected at 5 % (short lag window, trunc(4·(n/100)^¼), as R's ndiffs). */
  static boolean needsDifference(double[] x) {
    int n = x.length;
    if (n < 20) {
      return false;
    }
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= n;
    double[] e = new double[n];
    for (int t = 0; t < n; t++) {
      e[t] = x[t] - mean;
    }
    double cumulative = 0;
    double eta = 0;
    double gamma0 = 0;
    for (int t = 0; t < n; t++) {
      cumulative += e[t];
      eta += cumulative * cumulative;
      gamma0 += e[t] * e[t];
    }
    int lags = (int) Math.floor(4 * Math.pow(n / 100.0, 0.25));
    double longRun = gamma0 / n;
    for (int s = 1; s <= lags; s++) {
      double g = 0;
      for (int t = s; t < n; t++) {
        g += e[t] * e[t - s];
      }
      longRun += 2 * (1 - s / (lags + 1.0)) * g / n;
    }
    if (longRun <= 0) {
      return false;
    }
    double statistic = eta / ((double) n * n) / longRun;
    return statistic > CRITICAL_5PCT;
  }
}
