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
        "that fails, e.g.: civicpulse ingest --landing in + dashboard --date 2025-12-31 + report --date 2025-12-31",
        "Join commands with a lone '//' to run them at the same time (each with a Spark session of its own; the",
        "next '+' waits for all), e.g.: … + dashboard --date 2025-12-31 // forecast + report --date 2025-12-31"},
    subcommands = {GenerateCommand.class, IngestCommand.class, DailyCommand.class, DashboardCommand.class, ForecastCommand.class, WeeklyCommand.class, ReportCommand.class, QuarantineCommand.class, MaintainCommand.class, ReplayCommand.class, StreamCommand.class,
        MappingCommand.class, ReferenceCommand.class, StatusCommand.class, ServeCommand.class})
public final class CivicPulseCommand implements Runnable {

  /** Separates the commands of a chain: {@code ingest … + dashboard … + report …} runs them in one JVM, in order. */
  public static final String THEN = "+";

  /**
   * Joins commands that run at the same time within one step of a chain: {@code dashboard … // forecast …}. For
   * commands that read the same curated tables and write marts of their own (README, Running commands).
   */
  public static final String BESIDE = "//";

  /**
   * Runs one command, or a chain of them in one JVM and one SparkSession, stopping at the first that fails:
   * a multi-stage run (the demo, a backfill) pays JVM start, Spark start, class loading and warm-up once
   * instead of once per stage. Each command still takes the lake lock and writes its own _runs record.
   */
  public static int execute(String[] args) {
    List<List<String[]>> steps = new ArrayList<>();
    for (List<String> step : split(Arrays.asList(args), THEN)) {
      List<String[]> commands = new ArrayList<>();
      for (List<String> command : split(step, BESIDE)) {
        if (command.isEmpty()) {
          System.err.println("civicpulse: error: an empty command in a chain ('" + THEN + "' or '" + BESIDE
              + "' twice, first or last)");
          return ExitCodes.BAD_INPUT;
        }
        commands.add(command.toArray(new String[0]));
      }
      steps.add(commands);
    }
    int code = ExitCodes.OK;
    for (List<String[]> step : steps) {
      code = ChainStep.run(step, CivicPulseCommand::executeOne);
      if (code != ExitCodes.OK) {
        return code;
      }
    }
    return code;
  }

  static List<List<String>> split(String[] args) {
    return split(Arrays.asList(args), THEN);
  }

  /** The words between lone {@code separator}s (a separator inside a word is part of it). */
  static List<List<String>> split(List<String> args, String separator) {
    List<List<String>> parts = new ArrayList<>();
    parts.add(new ArrayList<>());
    for (String a : args) {
      if (a.equals(separator)) {
        parts.add(new ArrayList<>());
      } else {
        parts.get(parts.size() - 1).add(a);
      }
    }
    return parts;
  }

  private static int executeOne(String[] args) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    CommandLine cl = new CommandLine(new CivicPulseCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      System.err.println("civicpulse " + commandLine.getCommandName() + ": error: " + errorLine(e));
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

  /** Appended to the error of a run that ran out of memory: the one thing the user can change. */
  static final String MEMORY_HINT = " (out of memory: give the JVM a larger heap, e.g. scripts/civicpulse"
      + " --driver-memory 6g, or spark-submit's --driver-memory; docs/performance.md)";

  /** The error's first line, with {@link #MEMORY_HINT} when the run ran out of memory. */
  static String errorLine(Throwable e) {
    return oneLine(e) + (outOfMemory(e) ? MEMORY_HINT : "");
  }

  /**
   * Whether the JVM or Spark's memory manager ran out. A failed Spark job carries its task's error as text in its
   * own message, not as a cause, so the messages are read too.
   */
  static boolean outOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (t instanceof OutOfMemoryError || m.contains("UNABLE_TO_ACQUIRE_MEMORY") || m.contains("OutOfMemoryError")) {
        return true;
      }
    }
    return false;
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
