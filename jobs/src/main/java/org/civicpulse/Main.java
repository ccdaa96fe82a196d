package org.civicpulse;

import org.civicpulse.cli.CivicPulseCommand;

/** The single entry point: scripts/civicpulse and spark-submit both run this class. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(CivicPulseCommand.execute(args));
  }
}
