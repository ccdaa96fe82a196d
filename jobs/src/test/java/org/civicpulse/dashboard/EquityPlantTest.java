package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.generate.GeneratorSpec;
import org.civicpulse.generate.SampleGenerator;
import org.civicpulse.stats.EquityIndex;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted truth: `generate --plant-equity` serves C03 40 % slower for every category and gives C07 a slow
 * category mix served at the city's pace. Over five seeds the equity lens must flag C03 every time, C07 never,
 * and the ten other communities at most once in all.
 */
class EquityPlantTest {
  private final SparkSession spark = SharedSpark.get();
  static final LocalDate END = LocalDate.parse("2025-12-31");

  @TempDir
  Path tmp;

  @Test
  void theSlowerCommunityIsFlaggedEveryTimeTheSlowMixOneNeverTheRestAtMostOnce() throws IOException {
    int slower = 0;
    int slowMix = 0;
    List<String> others = new ArrayList<>();
    double slowerIndex = 0;
    for (long seed = 1; seed <= 5; seed++) {
      Path out = tmp.resolve("seed" + seed);
      new SampleGenerator(new GeneratorSpec(out, 12, LocalDate.parse("2025-07-01"), END, seed, 20_000, 0.0, true))
          .run(s -> {});
      EquityMetrics.WindowSums sums = EquityMetrics.sums(requests(out), END, 90);
      EquityIndex.Result r = EquityIndex.compute(sums.cells(), List.of(), sums.cityMedianHours(), 50);
      for (EquityIndex.Row row : r.communities()) {
        switch (row.community()) {
          case "C03" -> {
            slower += row.flagged() ? 1 : 0;
            slowerIndex += row.waitIndex() / 5;
          }
          case "C07" -> {
            slowMix += row.flagged() ? 1 : 0;
            // Its raw gap is mostly mix: it asks for slow kinds of service.
            assertThat(row.mixGap()).as("C07 mix gap, seed %s", seed).isGreaterThan(0.1);
            assertThat(Math.abs(Math.log(row.waitIndex()))).as("C07 type-adjusted, seed %s", seed).isLessThan(0.1);
          }
          case EquityIndex.ALL -> { }
          default -> {
            if (row.flagged()) {
              others.add(row.community() + " seed " + seed);
            }
          }
        }
      }
    }
    assertThat(slower).as("C03 flagged in 5 seeds").isEqualTo(5);
    assertThat(slowerIndex).as("C03's mean wait index").isBetween(1.25, 1.45);
    assertThat(slowMix).as("C07 flagged").isZero();
    assertThat(others).as("other communities flagged").hasSizeLessThanOrEqualTo(1);
  }

  /** The generated requests with the columns and types the equity sums read. */
  private Dataset<Row> requests(Path out) throws IOException {
    List<String> files = new ArrayList<>();
    try (var s = Files.list(out)) {
      s.filter(p -> p.getFileName().toString().startsWith("requests-")).forEach(p -> files.add(p.toString()));
    }
    return spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
        .csv(files.toArray(String[]::new))
        .selectExpr("community_id", "category", "to_timestamp(created_at) AS created_at",
            "to_timestamp(closed_at) AS closed_at", "to_timestamp(due_at) AS due_at", "status");
  }

}
