package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Test helper: runs a command in this JVM, checks its exit code and returns what it printed on stdout. */
final class CliOut {
  private CliOut() {}

  static String run(int expectedCode, String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(CivicPulseCommand.execute(args)).as(String.join(" ", args)).isEqualTo(expectedCode);
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
