package org.civicpulse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.civicpulse.config.ConfigKeys;
import org.civicpulse.forecast.AccuracyTables;
import org.civicpulse.forecast.BacktestSpec;
import org.civicpulse.forecast.ForecastCsvWriter;
import org.civicpulse.forecast.HolidayWeeks;
import org.civicpulse.forecast.LakeForecast;
import org.civicpulse.forecast.SeriesCsvForecast;
import org.civicpulse.forecast.SeriesForecastResult;
import org.civicpulse.forecast.SeriesForecaster;
import org.civicpulse.forecast.models.IsoWeek;
import org.civicpulse.ingest.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** forecast: weekly demand forecasts, back-tested out of sample (--series mode: a wide CSV of weekly counts). */
@Command(name = "forecast", mixinStandardHelpOptions = true,
    description = {"Back-test the forecast candidates and forecast weekly demand.",
        "--series FILE.csv --out DIR: a wide CSV (iso_week, then one column per series) → forecast_accuracy.csv and forecasts.csv.",
        "Without --series (lake mode): weekly demand from curated service_requests → the forecast and decision marts."})
public final class ForecastCommand implements Callable<Integer> {
  /** Lake-mode backtest defaults: enough origins to judge, few enough for ~200 series on 2 cores. */
  static final int LAKE_ORIGINS = 4;
  static final int WARNINGS_SHOWN = 20;
  static final int LAKE_STEP = 13;

  @Mixin CommonOptions common;
  @Spec picocli.CommandLine.Model.CommandSpec commandSpec;
  @Option(names = "--series", paramLabel = "FILE.csv", description = "Wide weekly CSV: iso_week (e.g. 2019-W13), then one column per series.")
  Path series;
  @Option(names = "--out", paramLabel = "DIR", description = "Folder for forecast_accuracy.csv and forecasts.csv.")
  Path out;
  @Option(names = "--from", paramLabel = "YYYY-Www", description = "First week used (default: the series' first).")
  String from;
  @Option(names = "--to", paramLabel = "YYYY-Www", description = "Last week used; the last origin leaves --horizon weeks before it (default: the series' last).")
  String to;
  @Option(names = "--origins", description = "Backtest origins (default 8; lake mode 4).")
  Integer origins;
  @Option(names = "--step", description = "Weeks between origins (default 13).")
  Integer step;
  @Option(names = "--horizon", defaultValue = "26", description = "Weeks ahead, 1–52 (default ${DEFAULT-VALUE}).")
  int horizon;
  @Option(names = "--holidays", paramLabel = "CN|US|none", description = "--series mode: holiday table whose weekday holidays flag weeks for the models (default none; lake mode uses holidays.country).")
  String holidays;
  @Option(names = "--leave-series-out", description = "--series mode: calibrate each series' intervals on the other series only, so coverage shows how they hold on series the calibration never saw.")
  boolean leaveSeriesOut;
  @Option(names = "--as-of", paramLabel = "YYYY-Www", description = "Lake mode: the last week used (default: the last complete ISO week with data).")
  String asOf;

  @Override
  public Integer call() throws Exception {
    checkHorizon(horizon);
    if (series == null) {
      IsoWeek week = parseWeek(asOf, "--as-of");
      return CommandRunner.run("forecast", common, commandSpec.commandLine().getParseResult().originalArgs(), true,
          ctx -> {
            runLake(ctx, week, origins == null ? LAKE_ORIGINS : origins, step == null ? LAKE_STEP : step, horizon);
            return ExitCodes.OK;
          });
    }
    if (out == null) {
      throw new InputException("--series needs --out DIR");
    }
    if (!Files.isReadable(series)) {
      throw new InputException("input not found: " + series);
    }
    BacktestSpec spec = new BacktestSpec(from == null ? null : IsoWeek.parse(from), to == null ? null : IsoWeek.parse(to),
        origins == null ? 8 : origins, step == null ? 13 : step, horizon);
    SeriesForecastResult r = SeriesCsvForecast.run(series, out, spec, HolidayWeeks.forCountry(holidays),
        leaveSeriesOut, new Progress("forecast"));
    printWarnings(r.warnings(), w -> System.err.println("civicpulse forecast: " + w));
    System.out.println("forecast accuracy=" + r.accuracyCsv() + " coverage=" + r.coverageCsv() + " forecasts="
        + r.forecastsCsv());
    System.out.println();
    System.out.println("accuracy, all series × origins (" + ForecastCsvWriter.ACCURACY_FILE + ", series ALL):");
    AccuracyTables.accuracy(r.accuracy()).forEach(System.out::println);
    System.out.println();
    System.out.println("coverage of chosen by horizon step (" + ForecastCsvWriter.COVERAGE_FILE + "; aims 0.80 and 0.95"
        + (leaveSeriesOut ? ", each series calibrated on the others" : "") + "):");
    AccuracyTables.coverage(r.coverage(), SeriesForecaster.CHOSEN).forEach(System.out::println);
    return ExitCodes.OK;
  }

  /** The first {@value #WARNINGS_SHOWN} warnings, then how many more there are (a terminal, not a data dump). */
  static void printWarnings(List<String> warnings, java.util.function.Consumer<String> out) {
    warnings.stream().limit(WARNINGS_SHOWN).forEach(w -> out.accept("warning: " + w));
    if (warnings.size() > WARNINGS_SHOWN) {
      out.accept("warning: … and " + (warnings.size() - WARNINGS_SHOWN)
          + " more like these (series with MASE scale 0 are counted under \"scale 0\" in forecast_accuracy)");
    }
  }

  /** Lake mode; also the first half of {@code weekly}. Prints the summary line. */
  static LakeForecast.Summary runLake(RunContext ctx, IsoWeek asOf, int origins, int step, int horizon) {
    LakeForecast.Summary r = new LakeForecast(ctx.store(), ctx.lake, ctx.progress).run(new LakeForecast.Settings(asOf,
        origins, step, horizon, ctx.config.getDouble(ConfigKeys.SERVICE_POINT_THRESHOLD),
        ctx.config.getDouble(ConfigKeys.BACKLOG_THRESHOLD), HolidayWeeks.forCountry(ctx.config.get(ConfigKeys.HOLIDAYS))));
    printWarnings(r.warnings(), ctx.progress);
    System.out.println("forecast as_of=" + r.asOf() + " series=" + r.series() + " service_points=" + r.servicePoints()
        + " risers=" + r.risers() + String.format(java.util.Locale.ROOT, " mase_chosen=%.3f mase_snaive=%.3f",
            r.chosenMase(), r.snaiveMase()));
    return r;
  }

  static IsoWeek parseWeek(String text, String option) {
    if (text == null) {
      return null;
    }
    try {
      return IsoWeek.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(option + " must be an ISO week like 2025-W52, not '" + text + "'");
    }
  }

  /** The horizon rule shared by forecast and weekly. */
  static void checkHorizon(int horizon) {
    if (horizon < 1 || horizon > 52) {
      throw new IllegalArgumentException("--horizon must be 1–52, not " + horizon);
    }
  }
}
