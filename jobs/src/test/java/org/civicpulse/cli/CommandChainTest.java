package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Commands chained with a lone '+' run in order in one JVM and stop at the first that fails; commands joined by a
 * lone '//' run at the same time, and the chain goes on only when all of them succeeded.
 */
class CommandChainTest {
  @Test
  void aLonePlusSeparatesCommands() {
    assertThat(CivicPulseCommand.split(new String[] {"ingest", "--lake", "L", "+", "report", "--date", "2025-12-31"}))
        .containsExactly(List.of("ingest", "--lake", "L"), List.of("report", "--date", "2025-12-31"));
    assertThat(CivicPulseCommand.split(new String[] {"report", "--set", "a=+1"})).as("'+' inside a word is no separator")
        .containsExactly(List.of("report", "--set", "a=+1"));
  }

  @Test
  void everyCommandOfAChainRuns() {
    String out = CliOut.run(0, "weekly", "--help", "+", "report", "--help");
    assertThat(out).contains("Usage: civicpulse weekly").contains("Usage: civicpulse report");
  }

  @Test
  void theFirstFailureStopsTheChainWithItsCode() {
    // --every 1 is out of range: exit 2 before anything else runs, so the second command's usage never prints.
    String out = CliOut.run(2, "report", "--every", "1", "+", "weekly", "--help");
    assertThat(out).doesNotContain("Usage:");
  }

  @Test
  void anEmptyCommandIsABadArgumentAndNothingRuns() {
    assertThat(CliOut.run(2, "weekly", "--help", "+")).as("a trailing '+'").isEmpty();
    assertThat(CliOut.run(2, "+", "weekly", "--help")).as("a leading '+'").isEmpty();
  }

  @Test
  void aLoneDoubleSlashJoinsCommandsOfOneStep() {
    assertThat(CivicPulseCommand.split(List.of("dashboard", "--date", "D", "//", "forecast", "--out", "a//b"),
        CivicPulseCommand.BESIDE)).containsExactly(List.of("dashboard", "--date", "D"), List.of("forecast", "--out", "a//b"));
    String out = CliOut.run(0, "weekly", "--help", "//", "report", "--help", "+", "daily", "--help");
    assertThat(out).contains("Usage: civicpulse weekly", "Usage: civicpulse report", "Usage: civicpulse daily");
  }

  @Test
  void aFailureBesideAnotherCommandLetsItFinishAndStopsTheChain() {
    // report fails at once (exit 2); weekly, beside it, still prints its usage; daily, the next step, never runs.
    String out = CliOut.run(2, "weekly", "--help", "//", "report", "--every", "1", "+", "daily", "--help");
    assertThat(out).contains("Usage: civicpulse weekly").doesNotContain("Usage: civicpulse daily");
    assertThat(CliOut.run(2, "weekly", "--help", "//")).as("a trailing '//'").isEmpty();
    assertThat(CliOut.run(2, "weekly", "--help", "//", "+", "report", "--help")).as("'//' then '+'").isEmpty();
  }
}
