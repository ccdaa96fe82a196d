package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * forecast lake mode / weekly: bad arguments are one line and exit 2, before Spark starts; --series mode prints
 * its accuracy and coverage tables.
 */
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

  @Test
  void seriesModePrintsTheAccuracyAndTheCoverageByStepItWrites() throws Exception {
    // Three series of 120 weeks, 2 origins, horizon 13: 3 × 2 = 6 forecasts scored at every step.
    Path csv = tmp.resolve("weekly.csv");
    List<String> lines = new java.util.ArrayList<>(List.of("iso_week,a,b,c"));
    java.util.Random rnd = new java.util.Random(3);
    org.civicpulse.forecast.models.IsoWeek w = org.civicpulse.forecast.models.IsoWeek.parse("2020-W01");
    for (int t = 0; t < 120; t++) {
      lines.add(w.plusWeeks(t) + "," + (50 + rnd.nextInt(20)) + "," + (200 + rnd.nextInt(60)) + "," + rnd.nextInt(5));
    }
    java.nio.file.Files.write(csv, lines);
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = CivicPulseCommand.execute(new String[] {"forecast", "--series", csv.toString(), "--out",
          tmp.resolve("out").toString(), "--origins", "2", "--horizon", "13", "--leave-series-out"});
    } finally {
      System.setOut(old);
    }
    assertThat(code).isZero();
    List<String> printed = out.toString(StandardCharsets.UTF_8).lines().toList();
    List<String> coverageCsv = java.nio.file.Files.readAllLines(tmp.resolve("out/forecast_coverage.csv"));
    String step1 = coverageCsv.stream().filter(l -> l.startsWith("chosen,1,")).findFirst().orElseThrow();
    assertThat(step1).as("6 forecasts at step 1").startsWith("chosen,1,6,");
    String[] f = step1.split(",");
    assertThat(printed).contains("coverage of chosen by horizon step (forecast_coverage.csv; aims 0.80 and 0.95, "
        + "each series calibrated on the others):", "step       n  cover80  cover95")
        .contains(String.format(java.util.Locale.ROOT, "%-5d %6d %8.3f %8.3f", 1, 6, Double.parseDouble(f[3]),
            Double.parseDouble(f[4])))
        .anySatisfy(l -> assertThat(l).startsWith("chosen                 6 "));
    assertThat(printed.stream().filter(l -> l.matches("\\d+ +6 +[0-9.]+ +[0-9.]+"))).hasSize(13);
  }
}
