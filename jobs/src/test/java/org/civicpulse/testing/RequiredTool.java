package org.civicpulse.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * A test's need for a tool the project's scripts install (the Kafka broker jars, Chromium): on a developer's
 * machine without it the test is skipped with the message; under {@code CI=true} the test fails instead, so a CI
 * run never passes with the streaming or browser tests silently left out.
 */
public final class RequiredTool {
  private RequiredTool() {}

  /** Skips (or, in CI, fails) the calling test unless {@code present}. */
  public static void require(boolean present, String message) {
    require(present, message, System.getenv("CI"));
  }

  static void require(boolean present, String message, String ci) {
    if (present) {
      return;
    }
    if ("true".equalsIgnoreCase(ci)) {
      throw new AssertionError("CI=true: " + message);
    }
    Assumptions.assumeTrue(false, message);
  }
}
