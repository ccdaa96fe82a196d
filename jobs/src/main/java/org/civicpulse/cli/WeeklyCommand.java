package org.civicpulse.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civicpulse.forecast.models.IsoWeek;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** weekly: forecast from the lake for the as-of week, then the report for that week's Sunday. */
@Command(name = "weekly", mixinStandardHelpOptions = true,
    description = {"The unattended weekly job: forecast (lake mode) for the as-of week, then write the report",
        "for that week's Sunday (skipped with a note on stderr when the daily marts for that day are missing)."})
public final class WeeklyCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--as-of", paramLabel = "YYYY-Www", description = "Last week used (default: the last complete ISO week with data).")
  String asOf;
  @Option(names = "--horizon", defaultValue = "26", description = "Weeks ahead, 1–52 (default ${DEFAULT-VALUE}).")
  int horizon;
  @Option(names = "--out", paramLabel = "DIR", description = "Report folder (default: config key report.out).")
  Path out;

  @Override
  public Integer call() throws Exception {
    ForecastCommand.checkHorizon(horizon);
    IsoWeek week = ForecastCommand.parseWeek(asOf, "--as-of");
    return CommandRunner.run("weekly", common, spec.commandLine().getParseResult().originalArgs(), true, ctx -> {
      IsoWeek done = ForecastCommand.runLake(ctx, week, ForecastCommand.LAKE_ORIGINS, ForecastCommand.LAKE_STEP, horizon).asOf();
      try {
        return ReportCommand.write(ctx, out, done.monday().plusDays(6), null);
      } catch (org.civicpulse.ingest.InputException e) {
        // Forecasts are written; missing daily marts must not fail the weekly run. Any other failure still does.
        ctx.progress.accept("report for " + done.monday().plusDays(6) + " skipped: " + e.getMessage());
        return ExitCodes.OK;
      }
    });
  }
}
