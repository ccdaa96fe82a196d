package org.civicpulse.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.civicpulse.forecast.models.IsoWeek;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Accuracy and speed check, not a unit test (the name keeps it out of surefire's default run): issue 4's Boston
 * protocol, and 1,000 synthetic series × 3 years with 4 origins. Run with -Dtest=BostonForecastBench.
 */
@Tag("bench")
class BostonForecastBench {
  static final Path BOSTON = Path.of("/work/shared/realdata/boston_open311/weekly_counts_by_service.csv");
  static final List<String> DENSE = List.of("Abandoned Vehicle", "Illegal Parking", "Other");

  /** Runs only when picked by name (-Dtest=BostonForecastBench), not under a package pattern. */
  @BeforeEach
  void onlyWhenAskedFor() {
    Assumptions.assumeTrue(String.valueOf(System.getProperty("test")).contains("Bench"),
        "bench: run with -Dtest=BostonForecastBench");
  }

  @Test
  void boston() throws IOException {
    main(new String[] {"boston"});
  }

  @Test
  void speed() throws IOException {
    main(new String[] {"speed"});
  }

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("fc-bench");
    if (args.length == 0 || args[0].equals("boston")) {
      Path wide = dir.resolve("boston_wide.csv");
      toWide(BOSTON, wide);
      long t0 = System.nanoTime();
      SeriesForecastResult r = SeriesCsvForecast.run(wide, dir.resolve("boston"),
          new BacktestSpec(IsoWeek.parse("2013-W27"), IsoWeek.parse("2019-W13"), 8, 13, 13), s -> {});
      System.out.printf(Locale.ROOT, "boston: %.1f s%n", (System.nanoTime() - t0) / 1e9);
      print(r.accuracy());
    }
    if (args.length == 0 || args[0].equals("speed")) {
      Path synthetic = dir.resolve("synthetic.csv");
      writeSynthetic(synthetic, 1000, 156, 42);
      long t0 = System.nanoTime();
      long cpu0 = processCpuNanos();
      SeriesForecastResult r = SeriesCsvForecast.run(synthetic, dir.resolve("synthetic"),
          BacktestSpec.of(4, 13, 13), s -> {});
      System.out.printf(Locale.ROOT, "synthetic 1000 x 156 weeks, 4 origins, horizon 13: %.1f s wall, %.1f s CPU, %d cores%n",
          (System.nanoTime() - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9, Runtime.getRuntime().availableProcessors());
      print(r.accuracy().stream().filter(a -> a.series().equals("ALL")).toList());
    }
  }

  /** CPU time of the whole JVM (a shared machine's wall time depends on its other load). */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Each row with its MASE as a ratio to the same series' snaive. */
  static void print(List<AccuracyRow> rows) {
    for (AccuracyRow a : rows) {
      double snaive = rows.stream().filter(b -> b.series().equals(a.series()) && b.model().equals("snaive"))
          .mapToDouble(AccuracyRow::mase).findFirst().orElse(Double.NaN);
      System.out.printf(Locale.ROOT, "%-20s %-14s %4d mase=%.3f (%.3fx snaive) smape=%.2f cov80=%.3f cov95=%.3f%n",
          a.series(), a.model(), a.origins(), a.mase(), a.mase() / snaive, a.smape(), a.coverage80(), a.coverage95());
    }
  }

  /** Keeps iso_week and the three dense columns of the Boston file. */
  static void toWide(Path source, Path target) throws IOException {
    List<String> lines = Files.readAllLines(source);
    String[] header = lines.get(0).split(",");
    int[] keep = new int[DENSE.size()];
    for (int i = 0; i < DENSE.size(); i++) {
      keep[i] = List.of(header).indexOf(DENSE.get(i));
    }
    List<String> out = new ArrayList<>();
    out.add("iso_week," + String.join(",", DENSE));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      StringBuilder b = new StringBuilder(c[0]);
      for (int k : keep) {
        b.append(',').append(c[k]);
      }
      out.add(b.toString());
    }
    Files.write(target, out);
  }

  /** Poisson counts around level × trend × yearly shape, a few intermittent. */
  static void writeSynthetic(Path target, int series, int weeks, long seed) throws IOException {
    Random rnd = new Random(seed);
    double[][] v = new double[series][weeks];
    for (int s = 0; s < series; s++) {
      double level = s % 10 == 0 ? 0.5 : 5 + rnd.nextDouble() * 60;
      double trend = (rnd.nextDouble() - 0.5) * 0.01;
      double amp = rnd.nextDouble() * 0.5;
      double phase = rnd.nextDouble() * 2 * Math.PI;
      for (int t = 0; t < weeks; t++) {
        double mu = level * Math.exp(trend * t) * (1 + amp * Math.sin(2 * Math.PI * t / 52.18 + phase));
        v[s][t] = poisson(rnd, Math.max(mu, 0.01));
      }
    }
    List<String> out = new ArrayList<>();
    StringBuilder h = new StringBuilder("iso_week");
    for (int s = 0; s < series; s++) {
      h.append(",s").append(s);
    }
    out.add(h.toString());
    IsoWeek w = IsoWeek.parse("2021-W01");
    for (int t = 0; t < weeks; t++) {
      StringBuilder b = new StringBuilder(w.plusWeeks(t).toString());
      for (int s = 0; s < series; s++) {
        b.append(',').append((int) v[s][t]);
      }
      out.add(b.toString());
    }
    Files.write(target, out);
  }

  static int poisson(Random rnd, double mu) {
    double l = Math.exp(-mu);
    if (mu > 30) {
      return (int) Math.max(0, Math.round(mu + Math.sqrt(mu) * rnd.nextGaussian()));
    }
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= rnd.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
