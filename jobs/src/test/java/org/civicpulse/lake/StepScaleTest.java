package org.civicpulse.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** Partitions per so many rows (the configured count a floor when large, a ceiling when small); interpreted below a threshold. */
class StepScaleTest {
  @Test
  void largeInputsGrowPartitionsAboveTheConfiguredFloor() {
    assertThat(StepScale.partitions(8, 1_000_000, 100_000)).as("10 × 100,000, at the large threshold").isEqualTo(10);
    assertThat(StepScale.partitions(8, 1_000_000, 250_000)).as("4 × 250,000: the configured floor").isEqualTo(8);
    assertThat(StepScale.partitions(8, 2_000_001, 250_000)).as("one row more than 8 × 250,000").isEqualTo(9);
    assertThat(StepScale.partitions(8, 9_996_026, 100_000)).as("the 10m bench's requests").isEqualTo(100);
    assertThat(StepScale.partitions(200, 9_996_026, 100_000)).as("a cluster's larger setting wins").isEqualTo(200);
    assertThat(StepScale.partitions(8, 5_000_000_000L, 100_000)).as("capped").isEqualTo(10_000);
  }

  @Test
  void smallInputsGetOnlyThePartitionsTheyFill() {
    assertThat(StepScale.partitions(8, 0, 250_000)).as("empty input").isEqualTo(1);
    assertThat(StepScale.partitions(8, 100_000, 250_000)).as("the sample lake's events").isEqualTo(1);
    assertThat(StepScale.partitions(8, 250_001, 250_000)).as("one row past one partition").isEqualTo(2);
    assertThat(StepScale.partitions(8, 999_999, 100_000)).as("10 wanted, the configured 8 caps it").isEqualTo(8);
    assertThat(StepScale.partitions(2, 999_999, 250_000)).as("a smaller configured count caps it").isEqualTo(2);
  }

  @Test
  void belowTheCallersThresholdExpressionsAreInterpreted() {
    assertThat(StepScale.settings(8, 1, 99_999, 250_000, 100_000)).as("one row below").isEqualTo(Map.of(
        "spark.sql.shuffle.partitions", "1", "spark.sql.adaptive.enabled", "false", "spark.sql.codegen.factoryMode", "NO_CODEGEN",
        "spark.sql.optimizer.runtime.bloomFilter.enabled", "false"));
    assertThat(StepScale.settings(8, 1, 100_000, 250_000, 100_000)).as("at the threshold: compiled, adaptive as configured")
        .isEqualTo(Map.of("spark.sql.shuffle.partitions", "1"));
    assertThat(StepScale.settings(8, 1, 12, 100_000, 0)).as("no threshold").isEqualTo(Map.of("spark.sql.shuffle.partitions", "1"));
  }

  @Test
  void aSmallInputIsReadInterpretedBeforeItsRowsAreCounted() {
    assertThat(StepScale.readingSettings(true)).as("small on disk").isEqualTo(Map.of(
        "spark.sql.adaptive.enabled", "false", "spark.sql.codegen.factoryMode", "NO_CODEGEN",
        "spark.sql.optimizer.runtime.bloomFilter.enabled", "false"));
    assertThat(StepScale.readingSettings(false)).as("large or unknown: the configured settings").isEmpty();
    SparkSession spark = SharedSpark.get();
    String adaptive = spark.conf().get("spark.sql.adaptive.enabled");
    try (StepScale s = StepScale.whileReading(spark, true)) {
      assertThat(spark.conf().get("spark.sql.adaptive.enabled")).isEqualTo("false");
    }
    assertThat(spark.conf().get("spark.sql.adaptive.enabled")).as("restored").isEqualTo(adaptive);
  }

  @Test
  void aSmallStepStillGetsOnePartitionPerCore() {
    assertThat(StepScale.settings(8, 2, 12, 100_000, 0)).as("12 rows on 2 cores")
        .isEqualTo(Map.of("spark.sql.shuffle.partitions", "2"));
    assertThat(StepScale.settings(1, 2, 12, 100_000, 0)).as("a configured 1 is still the ceiling")
        .isEqualTo(Map.of("spark.sql.shuffle.partitions", "1"));
    assertThat(StepScale.settings(8, 16, 12, 100_000, 0)).as("16 cores, 8 configured")
        .isEqualTo(Map.of("spark.sql.shuffle.partitions", "8"));
    assertThat(StepScale.settings(8, 2, 2_000_001, 250_000, 0)).as("the rows' own count when it is larger")
        .isEqualTo(Map.of("spark.sql.shuffle.partitions", "9"));
  }

  @Test
  void theSessionSettingsAreRestoredOnClose() {
    SparkSession spark = SharedSpark.get();
    String partitions = spark.conf().get("spark.sql.shuffle.partitions");
    String adaptive = spark.conf().get("spark.sql.adaptive.enabled");
    String mode = String.valueOf(spark.conf().getOption("spark.sql.codegen.factoryMode"));
    try (StepScale s = StepScale.forRows(spark, 10_000_000, 100_000, 1_000_000)) {
      assertThat(spark.conf().get("spark.sql.shuffle.partitions"))
          .isEqualTo(String.valueOf(Math.max(100, Integer.parseInt(partitions))));
    }
    try (StepScale s = StepScale.forRows(spark, 10, 100_000, 1_000)) {
      assertThat(spark.conf().get("spark.sql.codegen.factoryMode")).isEqualTo("NO_CODEGEN");
      assertThat(spark.conf().get("spark.sql.adaptive.enabled")).isEqualTo("false");
    }
    assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo(partitions);
    assertThat(spark.conf().get("spark.sql.adaptive.enabled")).isEqualTo(adaptive);
    assertThat(String.valueOf(spark.conf().getOption("spark.sql.codegen.factoryMode"))).as("as before").isEqualTo(mode);
  }
}
