package org.civicpulse.cli;

import org.civicpulse.config.ConfigException;
import org.civicpulse.ingest.InputException;
import org.civicpulse.lake.LockHeldException;
import picocli.CommandLine;

/** README "Running commands" exit codes: 0 success, 1 failed run, 2 bad arguments or unreadable input, 3 lock held. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int BAD_INPUT = 2;
  public static final int LOCKED = 3;

  private ExitCodes() {}

  static int of(Throwable e) {
    if (e instanceof LockHeldException) {
      return LOCKED;
    }
    if (e instanceof InputException || e instanceof ConfigException || e instanceof CommandLine.ParameterException
        || e instanceof IllegalArgumentException) {
      return BAD_INPUT;
    }
    return FAILED;
  }
}
