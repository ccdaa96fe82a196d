package org.civicpulse.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.civicpulse.config.ConfigKeys;
import org.civicpulse.config.Targets;
import org.civicpulse.dashboard.DashboardJob;
import org.civicpulse.dashboard.DateRange;
import org.civicpulse.ingest.IngestJob;
import org.civicpulse.ingest.LandingFiles;
import org.civicpulse.lake.FileLedger;
import org.civicpulse.schema.Schemas;
import org.civicpulse.stats.HolidayCalendar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** daily: ingest the landing files not yet ingested, recompute every date the new rows touch, write the report. */
@Command(name = "daily", mixinStandardHelpOptions = true,
    description = {"The unattended daily job: ingest new landing files (a ledger of path, size and SHA-256 skips",
        "those already ingested), recompute the marts for every date the new rows touch, write the report."})
public final class DailyCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--landing", required = true, paramLabel = "DIR", description = "Landing folder.")
  Path landing;
  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Report date (default: the latest day with events).")
  LocalDate date;
  @Option(names = "--out", paramLabel = "DIR", description = "Report folder (default: config key report.out).")
  Path out;
  @Option(names = "--dev-key", description = "Use the fixed development pseudonym key (never in production).")
  boolean devKey;

  @Override
  public Integer call() throws Exception {
    return CommandRunner.run("daily", common, spec.commandLine().getParseResult().originalArgs(), true, ctx -> {
      var pseudonymizer = IngestCommand.pseudonymizer(devKey, ctx.progress);
      Map<String, List<Path>> all = IngestCommand.fromLanding(landing);
      FileLedger ledger = new FileLedger(ctx.lake);
      Map<String, List<Path>> fresh = new LinkedHashMap<>();
      List<Path> freshFiles = new ArrayList<>();
      all.forEach((ds, files) -> {
        List<Path> unseen = ledger.unseen(files);
        if (!unseen.isEmpty()) {
          fresh.put(ds, unseen);
          freshFiles.addAll(unseen);
        }
      });
      int code = ExitCodes.OK;
      LocalDate firstTouched = null;
      if (fresh.isEmpty()) {
        ctx.progress.accept("no new landing files in " + landing);
      } else {
        LandingFiles.report(fresh, LandingFiles.skipped(List.of(landing), all), ctx.progress);
        IngestJob job = new IngestJob(ctx.store(), ctx.lake, ctx.config.get(ConfigKeys.TIMEZONE),
            ctx.config.slaOverrides(), pseudonymizer, ctx.runId, ctx.progress);
        code = IngestCommand.printCounts(job.run(fresh), ctx);
        ledger.record(freshFiles, ctx.runId);
        firstTouched = job.firstTouched();
      }
      LocalDate d = date != null ? date : latestEventDate(ctx);
      if (d == null) {
        throw new org.civicpulse.ingest.InputException("the lake holds no requests yet: nothing to report");
      }
      LocalDate from = firstTouched == null || firstTouched.isAfter(d) ? d : firstTouched;
      ctx.progress.accept("recomputing marts " + from + " … " + d);
      new DashboardJob(ctx.store(), ctx.lake, Targets.load(ctx.config.path(ConfigKeys.TARGETS)),
          HolidayCalendar.load(ctx.config.get(ConfigKeys.HOLIDAYS)), ctx.config.dashboard(), ctx.progress)
          .run(new DateRange(from, d));
      int reportCode = ReportCommand.write(ctx, out, d, null);
      System.out.println("daily status=" + (code == 0 ? "ok" : "quarantine-share-exceeded") + " marts=" + from + ".." + d);
      return Math.max(code, reportCode);
    });
  }

  private static LocalDate latestEventDate(RunContext ctx) {
    Row r = ctx.store().read(ctx.lake.curated(Schemas.REQUEST_EVENTS), Schemas.get(Schemas.REQUEST_EVENTS).sparkSchema())
        .selectExpr("max(to_date(event_time))").first();
    return r.isNullAt(0) ? null : ((java.sql.Date) r.get(0)).toLocalDate();
  }
}
