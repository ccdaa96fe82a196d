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
import org.civicpulse.ingest.InputException;
import org.civicpulse.report.LiveData;
import org.civicpulse.report.LivePage;
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
  @Option(names = "--live", description = "Write <out>/live.html from the stream's live marts instead of the dated report, "
      + "again every --every seconds until stopped (Ctrl-C / SIGTERM).")
  boolean live;
  @Option(names = "--every", paramLabel = "SECONDS", defaultValue = "30",
      description = "--live: seconds between rewrites, also the page's own reload interval (default 30).")
  int every;
  @Option(names = "--once", description = "--live: write the page once and exit (cron, checks).")
  boolean once;

  @Override
  public Integer call() throws Exception {
    if (every < 5 || every > 3600) {
      throw new InputException("--every must be 5..3600 seconds, not " + every);
    }
    // The live page reads marts a stream is writing: it takes no lake lock (batch runs do).
    return CommandRunner.run("report", common, spec.commandLine().getParseResult().originalArgs(), !live,
        ctx -> live ? writeLive(ctx) : write(ctx, out, date, locale));
  }

  private int writeLive(RunContext ctx) throws Exception {
    String lang = locale != null ? locale : ctx.config.get(ConfigKeys.LOCALE);
    Path root = out != null ? out.toAbsolutePath() : ctx.config.path(ConfigKeys.REPORT_OUT);
    LiveInputs inputs = new LiveInputs(ctx.store(), ctx.lake, ctx.config.zone());
    java.util.Map<String, String> names = inputs.communityNames(lang);
    while (true) {
      LiveData d = inputs.load();
      Path page = LivePage.write(LivePage.render(d, lang, ctx.config.get(ConfigKeys.REPORT_TITLE), every, names), root);
      ctx.progress.accept("live page " + page + (d == null ? " (no live marts yet)" : " as of " + d.asOf()));
      if (once) {
        System.out.println("report live=" + page);
        return ExitCodes.OK;
      }
      Thread.sleep(every * 1000L);
    }
  }

  /** Shared with daily: writes the report and prints its path. */
  static int write(RunContext ctx, Path out, LocalDate date, String locale) throws Exception {
    String lang = locale != null ? locale : ctx.config.get(ConfigKeys.LOCALE);
    if (!lang.equals("zh") && !lang.equals("en")) {
      throw new IllegalArgumentException("--locale must be zh or en, not '" + lang + "'");
    }
    Path root = out != null ? out.toAbsolutePath() : ctx.config.path(ConfigKeys.REPORT_OUT);
    // The marts are small: read in this JVM (Delta Kernel), no Spark session to start.
    ReportInputs inputs = new ReportInputs(ctx.lake, ctx.config.zone());
    LocalDate d = date != null ? date : inputs.latestDate();
    ctx.progress.accept("report " + d + " (" + lang + ") into " + root);
    ReportData data = inputs.load(d, ctx.config.get(ConfigKeys.REPORT_TITLE), lang);
    ForecastData forecast = inputs.loadForecast(d);
    for (String w : org.civicpulse.report.SourceCoverage.warnings(data.coverage(), d)) {
      System.err.println("civicpulse report: warning: " + w);
    }
    Targets targets = Targets.load(ctx.config.path(ConfigKeys.TARGETS));
    if (forecast != null) {
      ctx.progress.accept("forecast section as of " + forecast.asOfWeek());
    }
    ctx.progress.accept("writing pages, charts and CSV");
    Path index = ReportWriter.write(data, forecast, root, targets.asMap());
    System.out.println("report date=" + d + " index=" + index
        + (forecast == null ? "" : " forecast=" + forecast.asOfWeek()));
    return ExitCodes.OK;
  }
}
