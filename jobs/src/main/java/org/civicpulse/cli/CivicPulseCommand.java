package org.civicpulse.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: lists the subcommands of DESIGN §3 and maps failures to exit codes. */
@Command(name = "civicpulse", mixinStandardHelpOptions = true, version = "civicpulse 0.1.0",
    description = "Community service requests, feedback and participation → dashboards, forecasts and static reports.",
    subcommands = {GenerateCommand.class, IngestCommand.class, DailyCommand.class, DashboardCommand.class, ForecastCommand.class, WeeklyCommand.class, ReportCommand.class, QuarantineCommand.class, MaintainCommand.class, ReplayCommand.class, StreamCommand.class})
public final class CivicPulseCommand implements Runnable {

  public static int execute(String[] args) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    CommandLine cl = new CommandLine(new CivicPulseCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      System.err.println("civicpulse " + commandLine.getCommandName() + ": error: " + oneLine(e));
      if (verbose) {
        e.printStackTrace(System.err);
      }
      return ExitCodes.of(e);
    });
    // A bad argument is the user's typo, not a crash: one line naming it (picocli would print the whole usage).
    cl.setParameterExceptionHandler((e, a) -> {
      String cmd = e.getCommandLine().getCommandName();
      System.err.println("civicpulse " + cmd + ": error: " + oneLine(e)
          + " (see: civicpulse " + (cmd.equals("civicpulse") ? "" : cmd + " ") + "--help)");
      return ExitCodes.BAD_INPUT;
    });
    return cl.execute(args);
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.err);
  }
}
