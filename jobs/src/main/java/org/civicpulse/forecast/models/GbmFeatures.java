package org.civicpulse.forecast.models;

/**
 * The feature row of {@code gbm} for week position t, computed only from values before t (so the same code
 * serves training rows and recursive forecasts) plus calendar knowledge of week t itself:
 * lags 1..{@value #LAGS}, the 4- and 13-week rolling means, lag 52 when the history allows it, two sin/cos
 * pairs of the 365.2425-day (52.18-week) year, and a holiday-week flag when the series carries holiday weeks.
 */
final class GbmFeatures implements java.io.Serializable {
  static final int LAGS = 4;
  static final int SHORT_MEAN = 4;
  static final int LONG_MEAN = 13;
  static final int FOURIER_PAIRS = 2;
  /** Rows a feature needs to be learnable; lag 52 is used only with this many rows that have it. */
  static final int MIN_ROWS_WITH_LAG52 = 52;

  private final WeeklySeries calendar;
  private final boolean lag52;
  private final boolean holiday;

  private GbmFeatures(WeeklySeries calendar, boolean lag52, boolean holiday) {
    this.calendar = calendar;
    this.lag52 = lag52;
    this.holiday = holiday;
  }

  /** The feature set for a training series: lag 52 only if at least a year of rows can carry it. */
  static GbmFeatures forSeries(WeeklySeries train) {
    boolean lag52 = train.length() - SeasonalNaive.LAG >= MIN_ROWS_WITH_LAG52;
    return new GbmFeatures(train, lag52, !train.holidayWeeks().isEmpty());
  }

  /** The global model's feature set: lag 52 and the holiday flag always, so every series has the same columns. */
  static GbmFeatures pooled(WeeklySeries calendar) {
    return new GbmFeatures(calendar, true, true);
  }

  static int pooledCount() {
    return new GbmFeatures(null, true, true).count();
  }

  /** The first position whose features exist (all lags inside the series). */
  int firstRow() {
    return lag52 ? SeasonalNaive.LAG : LONG_MEAN;
  }

  int count() {
    return LAGS + 2 + (lag52 ? 1 : 0) + 2 * FOURIER_PAIRS + (holiday ? 1 : 0);
  }

  /** Features of position t from {@code y[0..t−1]} (actuals, or actuals followed by earlier forecasts). */
  double[] row(double[] y, int t) {
    double[] f = new double[count()];
    int c = 0;
    for (int lag = 1; lag <= LAGS; lag++) {
      f[c++] = y[t - lag];
    }
    f[c++] = meanBefore(y, t, SHORT_MEAN);
    f[c++] = meanBefore(y, t, LONG_MEAN);
    if (lag52) {
      f[c++] = y[t - SeasonalNaive.LAG];
    }
    double phase = FourierDesign.phase(calendar.start(), t);
    for (int k = 1; k <= FOURIER_PAIRS; k++) {
      f[c++] = Math.sin(k * phase);
      f[c++] = Math.cos(k * phase);
    }
    if (holiday) {
      f[c] = calendar.isHoliday(t) ? 1 : 0;
    }
    return f;
  }

  private static double meanBefore(double[] y, int t, int weeks) {
    double sum = 0;
    for (int i = t - weeks; i < t; i++) {
      sum += y[i];
    }
    return sum / weeks;
  }
}
