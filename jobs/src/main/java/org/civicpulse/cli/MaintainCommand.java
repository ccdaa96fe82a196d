package org.civicpulse.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.civicpulse.config.ConfigKeys;
import org.civicpulse.lake.LakeMaintenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** maintain: OPTIMIZE + VACUUM every lake table, trim old _runs records and dated report folders. */
@Command(name = "maintain", mixinStandardHelpOptions = true,
    description = "Lake upkeep: OPTIMIZE and VACUUM every Delta table; delete old _runs records and dated report folders (never latest/).")
public final class MaintainCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--retention-hours", paramLabel = "H", defaultValue = "168",
      description = "VACUUM keeps files unreferenced for less than this (default ${DEFAULT-VALUE}; never below 168).")
  double retentionHours;

  @Option(names = "--out", paramLabel = "DIR", description = "Report folder to trim (default: config key 'report.out').")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (retentionHours < LakeMaintenance.MIN_RETENTION_HOURS) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--retention-hours must be at least " + (int) LakeMaintenance.MIN_RETENTION_HOURS);
    }
    return CommandRunner.run("maintain", common, spec.commandLine().getParseResult().originalArgs(), true, ctx -> {
      LakeMaintenance m = new LakeMaintenance(ctx.store(), ctx.lake);
      int tables = 0;
      long before = 0;
      long after = 0;
      for (Path table : m.tables()) {
        ctx.progress.accept("optimize + vacuum " + ctx.lake.root().relativize(table));
        LakeMaintenance.TableResult r = m.optimizeAndVacuum(table, retentionHours);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("table", ctx.lake.root().relativize(table).toString());
        d.put("files_before", r.filesBefore());
        d.put("files_after", r.filesAfter());
        ctx.datasets.add(d);
        tables++;
        before += r.filesBefore();
        after += r.filesAfter();
      }
      int runsDays = ctx.config.getInt(ConfigKeys.RUNS_KEEP_DAYS);
      int runs = m.trimRuns(Instant.now().minus(Duration.ofDays(runsDays)));
      int reportsDays = ctx.config.getInt(ConfigKeys.REPORT_KEEP_DAYS);
      Path reportRoot = out != null ? out.toAbsolutePath() : ctx.config.path(ConfigKeys.REPORT_OUT);
      int reports = LakeMaintenance.trimDatedFolders(reportRoot, LocalDate.now(ctx.config.zone()).minusDays(reportsDays));
      System.out.println("maintain tables=" + tables + " files_before=" + before + " files_after=" + after
          + " runs_deleted=" + runs + " reports_deleted=" + reports + " lake=" + ctx.lake.root());
      return ExitCodes.OK;
    });
  }
}
