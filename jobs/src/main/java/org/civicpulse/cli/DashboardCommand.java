package org.civicpulse.cli;

import java.util.concurrent.Callable;
import org.civicpulse.config.ConfigKeys;
import org.civicpulse.config.Targets;
import org.civicpulse.dashboard.DashboardJob;
import org.civicpulse.dashboard.DateRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** dashboard: curated → daily marts for one day or a range (one set-based pass). */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
    description = "Compute the daily marts (KPIs, backlog, SLA, satisfaction, participation, anomalies, scores, providers).")
public final class DashboardCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin DateOptions dates;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    DateRange r = dates.range();
    return CommandRunner.run("dashboard", common, spec.commandLine().getParseResult().originalArgs(), true, ctx -> {
      Targets targets = Targets.load(ctx.config.path(ConfigKeys.TARGETS));
      new DashboardJob(ctx.store(), ctx.lake, targets,
          org.civicpulse.stats.HolidayCalendar.load(ctx.config.get(ConfigKeys.HOLIDAYS)), ctx.config.dashboard(),
          ctx.progress).run(r);
      System.out.println("dashboard from=" + r.from() + " to=" + r.to() + " lake=" + ctx.lake.root());
      return ExitCodes.OK;
    });
  }
}
