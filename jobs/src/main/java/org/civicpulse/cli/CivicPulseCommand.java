package org.civicpulse.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: lists the subcommands of README "Running commands" and maps failures to exit codes. */
@Command(name = "civicpulse", mixinStandardHelpOptions = true, version = "civicpulse 0.1.0",
    description = {"Community service requests, feedback and participation → dashboards, forecasts and static reports.",
        "Chain commands with a lone '+' to run them in one JVM and one Spark session, in order, stopping at the first",
        "that fails, e.g.: civicpulse ingest --landing in + dashboard --date 2025-12-31 + report --date 2025-12-31"},
    subcommands = {GenerateCommand.class, IngestCommand.class, DailyCommand.class, DashboardCommand.class, ForecastCommand.class, WeeklyCommand.class, ReportCommand.class, QuarantineCommand.class, MaintainCommand.class, ReplayCommand.class, StreamCommand.class,
        MappingCommand.class, ReferenceCommand.class, StatusCommand.class})
public final class CivicPulseCommand implements Runnable {

  /** Separates the commands of a chain: {@code ingest … + dashboard … + report …} runs them in one JVM, in order. */
  public static final String THEN = "+";

  /**
   * Runs one command, or a chain of them in one JVM and one SparkSession, stopping at the first that fails:
   * a multi-stage run (the demo, a backfill) pays JVM start, Spark start, class loading and warm-up once
   * instead of once per stage. Each command still takes the lake lock and writes its own _runs record.
   */
  public static int execute(String[] args) {
    List<List<String>> chain = split(args);
    int code = ExitCodes.OK;
    for (List<String> command : chain) {
      if (command.isEmpty()) {
        System.err.println("civicpulse: error: an empty command in a chain ('" + THEN + "' twice, first or last)");
        return ExitCodes.BAD_INPUT;
      }
    }
    for (List<String> command : chain) {
      code = executeOne(command.toArray(new String[0]));
      if (code != ExitCodes.OK) {
        return code;
      }
    }
    return code;
  }

  static List<List<String>> split(String[] args) {
    List<List<String>> chain = new ArrayList<>();
    chain.add(new ArrayList<>());
    for (String a : args) {
      if (a.equals(THEN)) {
        chain.add(new ArrayList<>());
      } else {
        chain.get(chain.size() - 1).add(a);
      }
    }
    return chain;
  }

  private static int executeOne(String[] args) {
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
