package org.civicpulse.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.civicpulse.config.ConfigKeys;
import org.civicpulse.config.Targets;
import org.civicpulse.report.ForecastData;
import org.civicpulse.report.ReportData;
import org.civicpulse.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** report: marts → static offline report in &lt;out&gt;/&lt;date&gt;/, latest/ and index.html. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write the static HTML/PNG/CSV report for a date (offline: no server, no internet).")
public final class ReportCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", description = "Report folder (default: config key report.out).")
  Path out;
  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Report date (default: the latest date the marts hold).")
  LocalDate date;
  @Option(names = "--locale", paramLabel = "zh|en", description = "Language (default: config key locale).")
  String locale;
  @Option(names = "--sections", split = ",", paramLabel = "LIST",
      description = "Sections to write (default: all that exist: daily, plus forecast when the lake has forecast marts).")
  java.util.List<String> sections;

  @Override
  public Integer call() throws Exception {
    return CommandRunner.run("report", common, spec.commandLine().getParseResult().originalArgs(), true,
        ctx -> write(ctx, out, date, locale));
  }

  /** Shared with daily: writes the report and prints its path. */
  static int write(RunContext ctx, Path out, LocalDate date, String locale) throws Exception {
    String lang = locale != null ? locale : ctx.config.get(ConfigKeys.LOCALE);
    if (!lang.equals("zh") && !lang.equals("en")) {
      throw new IllegalArgumentException("--locale must be zh or en, not '" + lang + "'");
    }
    Path root = out != null ? out.toAbsolutePath() : ctx.config.path(ConfigKeys.REPORT_OUT);
    ReportInputs inputs = new ReportInputs(ctx.store(), ctx.lake, ctx.config.zone());
    LocalDate d = date != null ? date : inputs.latestDate();
    ctx.progress.accept("report " + d + " (" + lang + ") into " + root);
    ReportData data = inputs.load(d, ctx.config.get(ConfigKeys.REPORT_TITLE), lang);
    Targets targets = Targets.load(ctx.config.path(ConfigKeys.TARGETS));
    ForecastData forecast = inputs.loadForecast(d);
    if (forecast != null) {
      ctx.progress.accept("forecast section as of " + forecast.asOfWeek());
    }
    Path index = ReportWriter.write(data, forecast, root, targets.asMap());
    System.out.println("report date=" + d + " index=" + index
        + (forecast == null ? "" : " forecast=" + forecast.asOfWeek()));
    return ExitCodes.OK;
  }
}
