package org.civicpulse.forecast;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes forecast_accuracy.csv, forecast_coverage.csv and forecasts.csv with the docs/forecast.md columns
 * (4 decimals, empty for NaN).
 */
public final class ForecastCsvWriter {
  public static final String ACCURACY_FILE = "forecast_accuracy.csv";
  public static final String FORECASTS_FILE = "forecasts.csv";
  public static final String COVERAGE_FILE = "forecast_coverage.csv";
  public static final List<String> COVERAGE_COLUMNS = List.of("model", "horizon", "n", "coverage80", "coverage95");
  public static final List<String> ACCURACY_COLUMNS =
      List.of("series", "model", "origins", "mase", "smape", "coverage80", "coverage95");
  public static final List<String> FORECAST_COLUMNS =
      List.of("series", "as_of_week", "week", "horizon", "model", "forecast", "lo80", "hi80", "lo95", "hi95");

  private ForecastCsvWriter() {}

  public static void writeAccuracy(Path file, List<AccuracyRow> rows) throws IOException {
    try (CSVPrinter p = printer(file, ACCURACY_COLUMNS)) {
      for (AccuracyRow r : rows) {
        p.printRecord(r.series(), r.model(), r.origins(), num(r.mase()), num(r.smape()), num(r.coverage80()),
            num(r.coverage95()));
      }
    }
  }

  public static void writeCoverage(Path file, List<CoverageRow> rows) throws IOException {
    try (CSVPrinter p = printer(file, COVERAGE_COLUMNS)) {
      for (CoverageRow r : rows) {
        p.printRecord(r.model(), r.horizon(), r.n(), num(r.coverage80()), num(r.coverage95()));
      }
    }
  }

  public static void writeForecasts(Path file, List<ForecastRow> rows) throws IOException {
    try (CSVPrinter p = printer(file, FORECAST_COLUMNS)) {
      for (ForecastRow r : rows) {
        p.printRecord(r.series(), r.asOfWeek(), r.week(), r.horizon(), r.model(), num(r.forecast()), num(r.lo80()),
            num(r.hi80()), num(r.lo95()), num(r.hi95()));
      }
    }
  }

  private static CSVPrinter printer(Path file, List<String> header) throws IOException {
    Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    return new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
        .setRecordSeparator("\n").get());
  }

  static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "";
  }
}
