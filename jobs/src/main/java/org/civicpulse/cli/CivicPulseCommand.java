package org.civicpulse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: lists the subcommands of DESIGN §3. */
@Command(name = "civicpulse", mixinStandardHelpOptions = true, version = "civicpulse 0.1.0",
    description = "Community service requests, feedback and participation → dashboards, forecasts and static reports.",
    subcommands = {})
public final class CivicPulseCommand implements Runnable {

  public static int execute(String[] args) {
    return new CommandLine(new CivicPulseCommand()).execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.err);
  }
}
