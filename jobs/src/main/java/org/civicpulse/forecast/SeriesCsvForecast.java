package org.civicpulse.forecast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.civicpulse.forecast.models.BoostedTreesTrainer;
import org.civicpulse.forecast.models.Candidates;
import org.civicpulse.forecast.models.GbmModels;
import org.civicpulse.forecast.models.IsoWeek;
import org.civicpulse.forecast.models.WeeklySeries;

/** {@code forecast --series FILE.csv --out DIR}: the backtest and forecasts of docs/forecast.md without Spark. */
public final class SeriesCsvForecast {
  private SeriesCsvForecast() {}

  /**
   * Reads the wide CSV, backtests every column (in parallel on the common pool), writes
   * forecast_accuracy.csv and forecasts.csv into {@code outDir}. Bad input → IllegalArgumentException.
   */
  public static SeriesForecastResult run(Path seriesCsv, Path outDir, BacktestSpec spec, Consumer<String> progress) {
    return run(seriesCsv, outDir, spec, Set.of(), progress);
  }

  /** As {@link #run(Path, Path, BacktestSpec, Consumer)}, every series carrying these holiday weeks. */
  public static SeriesForecastResult run(Path seriesCsv, Path outDir, BacktestSpec spec, Set<IsoWeek> holidays,
      Consumer<String> progress) {
    try {
      WideSeriesCsv.Content content = WideSeriesCsv.read(seriesCsv);
      List<String> warnings = new ArrayList<>(content.warnings());
      List<Map.Entry<String, WeeklySeries>> entries = new ArrayList<>(content.series().entrySet());
      List<WeeklySeries> all = entries.stream()
          .map(e -> new WeeklySeries(e.getValue().start(), e.getValue().values(), holidays)).toList();
      // The global gbm over the file's series, trained in plain Java (CSV mode runs without Spark).
      GbmModels gbm = GbmModels.of(GlobalGbmTraining.train(all, new SeriesForecaster(spec),
          new BoostedTreesTrainer(), progress));
      SeriesForecaster forecaster = new SeriesForecaster(spec, Candidates.withGlobalGbm(gbm));
      AtomicInteger done = new AtomicInteger();
      List<SeriesOutcome> outcomes = IntStream.range(0, entries.size()).parallel().mapToObj(i -> {
        SeriesOutcome o = forecaster.run(entries.get(i).getKey(), all.get(i));
        int n = done.incrementAndGet();
        if (n % 100 == 0 || n == entries.size()) {
          progress.accept("forecast: " + n + "/" + entries.size() + " series");
        }
        return o;
      }).toList();
      outcomes.forEach(o -> warnings.addAll(o.warnings()));
      List<AccuracyRow> accuracy = AccuracySummary.rows(outcomes, forecaster.outputModels());
      List<ForecastRow> forecasts = outcomes.stream().flatMap(o -> o.forecasts().stream()).toList();
      Files.createDirectories(outDir);
      Path accuracyCsv = outDir.resolve(ForecastCsvWriter.ACCURACY_FILE);
      Path forecastsCsv = outDir.resolve(ForecastCsvWriter.FORECASTS_FILE);
      ForecastCsvWriter.writeAccuracy(accuracyCsv, accuracy);
      ForecastCsvWriter.writeForecasts(forecastsCsv, forecasts);
      return new SeriesForecastResult(accuracyCsv, forecastsCsv, accuracy, forecasts, warnings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
