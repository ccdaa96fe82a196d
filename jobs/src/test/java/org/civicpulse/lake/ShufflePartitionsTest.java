package org.civicpulse.lake;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SparkSession;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** One shuffle partition per so many input rows, never below the configured count, restored after. */
class ShufflePartitionsTest {
  @Test
  void countGrowsWithRowsAboveTheConfiguredFloor() {
    assertThat(ShufflePartitions.count(8, 0, 100_000)).as("empty input").isEqualTo(8);
    assertThat(ShufflePartitions.count(8, 800_000, 100_000)).as("8 × 100,000").isEqualTo(8);
    assertThat(ShufflePartitions.count(8, 800_001, 100_000)).as("one row more").isEqualTo(9);
    assertThat(ShufflePartitions.count(8, 9_996_026, 100_000)).as("the 10m bench's requests").isEqualTo(100);
    assertThat(ShufflePartitions.count(200, 9_996_026, 100_000)).as("a cluster's larger setting wins").isEqualTo(200);
    assertThat(ShufflePartitions.count(8, 5_000_000_000L, 100_000)).as("capped").isEqualTo(10_000);
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
