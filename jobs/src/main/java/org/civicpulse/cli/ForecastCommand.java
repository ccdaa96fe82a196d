package org.civicpulse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civicpulse.forecast.BacktestSpec;
import org.civicpulse.forecast.SeriesCsvForecast;
import org.civicpulse.forecast.SeriesForecastResult;
import org.civicpulse.forecast.models.IsoWeek;
import org.civicpulse.ingest.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** forecast: weekly demand forecasts, back-tested out of sample (--series mode: a wide CSV of weekly counts). */
@Command(name = "forecast", mixinStandardHelpOptions = true,
    description = {"Back-test the forecast candidates and forecast weekly demand.",
        "--series FILE.csv --out DIR: a wide CSV (iso_week, then one column per series) → forecast_accuracy.csv and forecasts.csv."})
public final class ForecastCommand implements Callable<Integer> {
  @Option(names = "--series", paramLabel = "FILE.csv", description = "Wide weekly CSV: iso_week (e.g. 2019-W13), then one column per series.")
  Path series;
  @Option(names = "--out", paramLabel = "DIR", description = "Folder for forecast_accuracy.csv and forecasts.csv.")
  Path out;
  @Option(names = "--from", paramLabel = "YYYY-Www", description = "First week used (default: the series' first).")
  String from;
  @Option(names = "--to", paramLabel = "YYYY-Www", description = "Last week used; the last origin leaves --horizon weeks before it (default: the series' last).")
  String to;
  @Option(names = "--origins", defaultValue = "8", description = "Backtest origins (default ${DEFAULT-VALUE}).")
  int origins;
  @Option(names = "--step", defaultValue = "13", description = "Weeks between origins (default ${DEFAULT-VALUE}).")
  int step;
  @Option(names = "--horizon", defaultValue = "26", description = "Weeks ahead, 1–52 (default ${DEFAULT-VALUE}).")
  int horizon;
  @Option(names = "--as-of", paramLabel = "YYYY-Www", description = "Lake mode (not yet available): the last complete week.")
  String asOf;

  @Override
  public Integer call() throws Exception {
    if (series == null) {
      throw new InputException("forecast from the lake is not available yet; use --series FILE.csv --out DIR");
    }
    if (out == null) {
      throw new InputException("--series needs --out DIR");
    }
    if (!Files.isReadable(series)) {
      throw new InputException("input not found: " + series);
    }
    if (horizon < 1 || horizon > 52) {
      throw new IllegalArgumentException("--horizon must be 1–52, not " + horizon);
    }
    BacktestSpec spec = new BacktestSpec(from == null ? null : IsoWeek.parse(from), to == null ? null : IsoWeek.parse(to),
        origins, step, horizon);
    SeriesForecastResult r = SeriesCsvForecast.run(series, out, spec, new Progress("forecast"));
    r.warnings().forEach(w -> System.err.println("civicpulse forecast: warning: " + w));
    System.out.println("forecast accuracy=" + r.accuracyCsv() + " forecasts=" + r.forecastsCsv());
    return ExitCodes.OK;
  }
}
