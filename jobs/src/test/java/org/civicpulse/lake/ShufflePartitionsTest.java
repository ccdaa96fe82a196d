package org.civicpulse.lake;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SparkSession;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** One shuffle partition per so many input rows, the configured count a floor for large inputs and a ceiling for small ones. */
class ShufflePartitionsTest {
  @Test
  void countGrowsWithRowsAboveTheConfiguredFloor() {
    assertThat(ShufflePartitions.count(8, 1_000_000, 100_000)).as("10 × 100,000, at the large threshold").isEqualTo(10);
    assertThat(ShufflePartitions.count(8, 1_000_000, 250_000)).as("4 × 250,000: the configured floor").isEqualTo(8);
    assertThat(ShufflePartitions.count(8, 2_000_001, 250_000)).as("one row more than 8 × 250,000").isEqualTo(9);
    assertThat(ShufflePartitions.count(8, 9_996_026, 100_000)).as("the 10m bench's requests").isEqualTo(100);
    assertThat(ShufflePartitions.count(200, 9_996_026, 100_000)).as("a cluster's larger setting wins").isEqualTo(200);
    assertThat(ShufflePartitions.count(8, 5_000_000_000L, 100_000)).as("capped").isEqualTo(10_000);
  }

  @Test
  void smallInputsGetOnlyThePartitionsTheyFill() {
    assertThat(ShufflePartitions.count(8, 0, 250_000)).as("empty input").isEqualTo(1);
    assertThat(ShufflePartitions.count(8, 100_000, 250_000)).as("the sample lake's events").isEqualTo(1);
    assertThat(ShufflePartitions.count(8, 250_001, 250_000)).as("one row past one partition").isEqualTo(2);
    assertThat(ShufflePartitions.count(8, 999_999, 100_000)).as("10 wanted, the configured 8 caps it").isEqualTo(8);
    assertThat(ShufflePartitions.count(2, 999_999, 250_000)).as("a smaller configured count caps it").isEqualTo(2);
  }

  @Test
  void theSessionSettingIsRestoredOnClose() {
    SparkSession spark = SharedSpark.get();
    String before = spark.conf().get("spark.sql.shuffle.partitions");
    try (ShufflePartitions p = ShufflePartitions.forRows(spark, 10_000_000, 100_000)) {
      assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo(String.valueOf(Math.max(100, Integer.parseInt(before))));
    }
    assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo(before);
  }
}
