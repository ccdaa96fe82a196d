package org.civicpulse.forecast.models;

/**
 * Regression columns over positions 0..length−1 of a series and its future: base columns (intercept and
 * optionally a linear trend), an optional holiday-week dummy, then sin/cos pairs of the calendar year.
 *
 * <p>The year phase is taken from the date of each week's Thursday (365.2425-day year), so the seasonal
 * shape stays aligned with the calendar across 52- and 53-week years.
 */
final class FourierDesign {
  static final double YEAR_DAYS = 365.2425;

  final double[][] columns;
  final int baseColumns;
  final boolean holiday;
  final int maxPairs;

  private FourierDesign(double[][] columns, int baseColumns, boolean holiday, int maxPairs) {
    this.columns = columns;
    this.baseColumns = baseColumns;
    this.holiday = holiday;
    this.maxPairs = maxPairs;
  }

  /** Columns for {@code train} extended {@code horizon} weeks into the future. */
  static FourierDesign build(WeeklySeries train, int horizon, boolean trend, int maxPairs) {
    int n = train.length();
    int length = n + horizon;
    boolean holiday = usableHoliday(train);
    int base = trend ? 2 : 1;
    int count = base + (holiday ? 1 : 0) + 2 * maxPairs;
    double[][] cols = new double[count][length];
    for (int t = 0; t < length; t++) {
      cols[0][t] = 1;
      if (trend) {
        cols[1][t] = (double) t / n;
      }
      int c = base;
      if (holiday) {
        cols[c++][t] = train.isHoliday(t) ? 1 : 0;
      }
      double phase = phase(train.start(), t);
      for (int k = 1; k <= maxPairs; k++) {
        cols[c++][t] = Math.sin(k * phase);
        cols[c++][t] = Math.cos(k * phase);
      }
    }
    return new FourierDesign(cols, base, holiday, maxPairs);
  }

  /** The year phase (radians) of position t after {@code start}, from that week's Thursday. */
  static double phase(IsoWeek start, int t) {
    return 2 * Math.PI * (start.monday().toEpochDay() + 3 + 7.0 * t) / YEAR_DAYS;
  }

  /** How many Fourier pairs a training series of this length may use: none under a year of data. */
  static int maxPairsFor(int n) {
    return n < 52 ? 0 : Math.min(20, n / 10);
  }

  /** A holiday dummy is estimable only if training has at least two holiday weeks and some other weeks. */
  private static boolean usableHoliday(WeeklySeries train) {
    if (train.holidayWeeks().isEmpty()) {
      return false;
    }
    int count = 0;
    for (int t = 0; t < train.length(); t++) {
      if (train.isHoliday(t)) {
        count++;
      }
    }
    return count >= 2 && count < train.length() - 10;
  }

  /** Indices of the columns used with {@code pairs} Fourier pairs (base, holiday, then the pairs). */
  int[] columnsWith(int pairs) {
    int fixed = baseColumns + (holiday ? 1 : 0);
    int[] use = new int[fixed + 2 * pairs];
    for (int i = 0; i < use.length; i++) {
      use[i] = i;
    }
    return use;
  }

  /** Training rows (first n) of every column. */
  double[][] trainingColumns(int n) {
    double[][] out = new double[columns.length][];
    for (int c = 0; c < columns.length; c++) {
      out[c] = java.util.Arrays.copyOf(columns[c], n);
    }
    return out;
  }
}
