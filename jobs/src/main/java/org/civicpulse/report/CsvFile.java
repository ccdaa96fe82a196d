package org.civicpulse.report;

import java.util.Arrays;

/**
 * Every data/*.csv file of a report, named once: pages write and link them by these names, and each section
 * owns its own files when it rewrites a dated folder (the daily section all but the forecast's four).
 */
enum CsvFile {
  KPIS_DAILY, HOTSPOTS, VOLUME_BY_CHANNEL, SCORES, PARTICIPATION, COVERAGE, SCORES_TODAY, KPI_TILES, TOP_CATEGORIES,
  HEAT_7D, ANOMALIES, PARTICIPATION_TODAY, COMMUNITIES, TRANSPARENCY, WORKLIST, EQUITY, EQUITY_CATEGORIES,
  FORECAST_ACCURACY(true), SERVICE_POINTS(true), CAPACITY(true), RISERS(true);

  /** The file name under data/. */
  final String file;
  /** Written by the forecast section (forecast.html, decisions.html), not the daily one. */
  final boolean forecast;

  CsvFile() {
    this(false);
  }

  CsvFile(boolean forecast) {
    this.file = name().toLowerCase(java.util.Locale.ROOT) + ".csv";
    this.forecast = forecast;
  }

  /** Whether {@code rel} (a path under the dated folder) is one of the given section's CSV files. */
  static boolean ownedBy(boolean forecastSection, String rel) {
    return Arrays.stream(values()).anyMatch(c -> c.forecast == forecastSection && rel.equals("data/" + c.file));
  }
}
