package org.civicpulse.forecast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.civicpulse.forecast.models.BoostedTreesTrainer;
import org.civicpulse.forecast.models.Candidates;
import org.civicpulse.forecast.models.GbmModels;
import org.civicpulse.forecast.models.IsoWeek;
import org.civicpulse.forecast.models.WeeklySeries;

/**
 * {@code forecast --series FILE.csv --out DIR}: the backtest and forecasts of docs/forecast.md without Spark; the
 * file's columns are one panel (they share their evidence for choosing and for intervals).
 */
public final class SeriesCsvForecast {
  private SeriesCsvForecast() {}

  /**
   * Reads the wide CSV, backtests every column (in parallel on the common pool), writes
   * forecast_accuracy.csv, forecast_coverage.csv and forecasts.csv into {@code outDir}. Bad input →
   * IllegalArgumentException.
   */
  public static SeriesForecastResult run(Path seriesCsv, Path outDir, BacktestSpec spec, Consumer<String> progress) {
    return run(seriesCsv, outDir, spec, Set.of(), false, progress);
  }

  /**
   * As {@link #run(Path, Path, BacktestSpec, Consumer)}, every series carrying these holiday weeks; with
   * {@code leaveSeriesOut} each series' intervals are calibrated on the other series only.
   */
  public static SeriesForecastResult run(Path seriesCsv, Path outDir, BacktestSpec spec, Set<IsoWeek> holidays,
      boolean leaveSeriesOut, Consumer<String> progress) {
    try {
      WideSeriesCsv.Content content = WideSeriesCsv.read(seriesCsv);
      List<String> warnings = new ArrayList<>(content.warnings());
      List<Map.Entry<String, WeeklySeries>> entries = new ArrayList<>(content.series().entrySet());
      List<WeeklySeries> all = entries.stream()
          .map(e -> new WeeklySeries(e.getValue().start(), e.getValue().values(), holidays)).toList();
      // The global gbm over the file's series, trained in plain Java (CSV mode runs without Spark).
      GbmModels gbm = GbmModels.of(GlobalGbmTraining.train(all, new SeriesForecaster(spec),
          new BoostedTreesTrainer(), progress));
      SeriesForecaster forecaster = new SeriesForecaster(spec, Candidates.withGlobalGbm(gbm), leaveSeriesOut);
      List<Map.Entry<String, WeeklySeries>> panel = IntStream.range(0, entries.size())
          .mapToObj(i -> Map.entry(entries.get(i).getKey(), all.get(i))).toList();
      List<SeriesOutcome> outcomes = forecaster.runPanel(panel, progress);
      outcomes.forEach(o -> warnings.addAll(o.warnings()));
      List<AccuracyRow> accuracy = AccuracySummary.rows(outcomes, forecaster.outputModels());
      List<CoverageRow> coverage = CoverageByStep.rows(outcomes, forecaster.outputModels(), spec.horizon());
      List<ForecastRow> forecasts = outcomes.stream().flatMap(o -> o.forecasts().stream()).toList();
      Files.createDirectories(outDir);
      Path accuracyCsv = outDir.resolve(ForecastCsvWriter.ACCURACY_FILE);
      Path coverageCsv = outDir.resolve(ForecastCsvWriter.COVERAGE_FILE);
      Path forecastsCsv = outDir.resolve(ForecastCsvWriter.FORECASTS_FILE);
      ForecastCsvWriter.writeAccuracy(accuracyCsv, accuracy);
      ForecastCsvWriter.writeCoverage(coverageCsv, coverage);
      ForecastCsvWriter.writeForecasts(forecastsCsv, forecasts);
      return new SeriesForecastResult(accuracyCsv, coverageCsv, forecastsCsv, accuracy, coverage, forecasts, warnings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
