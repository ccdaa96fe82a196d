package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** forecast lake mode / weekly: bad arguments are one line and exit 2, before Spark starts. */
class ForecastCommandTest {
  @TempDir Path tmp;

  @Test
  void badAsOfWeekIsExit2() {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(CivicPulseCommand.execute(new String[] {"forecast", "--lake", tmp.toString(), "--as-of", "2025-52"})).isEqualTo(2);
      assertThat(CivicPulseCommand.execute(new String[] {"weekly", "--lake", tmp.toString(), "--horizon", "99"})).isEqualTo(2);
      assertThat(CivicPulseCommand.execute(new String[] {"weekly", "--help"})).isEqualTo(0);
    } finally {
      System.setErr(old);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--as-of must be an ISO week like 2025-W52, not '2025-52'")
        .contains("--horizon must be 1–52, not 99").doesNotContain("\tat ");
  }

  @Test
  void warningsAreCappedWithACountOfTheRest() {
    List<String> lines = new java.util.ArrayList<>();
    List<String> warnings = java.util.stream.IntStream.range(0, 23).mapToObj(i -> "series s" + i + ": x").toList();
    ForecastCommand.printWarnings(warnings, lines::add);
    assertThat(lines).as("20 shown + one count line").hasSize(21);
    assertThat(lines.get(19)).isEqualTo("warning: series s19: x");
    assertThat(lines.get(20)).startsWith("warning: … and 3 more like these");
  }
}
