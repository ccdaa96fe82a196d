package org.civicpulse.lake;

import org.apache.spark.sql.SparkSession;

/**
 * Raises spark.sql.shuffle.partitions for one step in proportion to its input rows, and restores it on close.
 *
 * <p>The configured count (8 by default) suits the daily sizes; at 10M requests one ingest's shuffles made
 * partitions of ~2 GB, and sorting one of them (dropDuplicates on the derived events) ran a 4 GB driver out
 * of heap while merging its spill files. One partition per so many input rows (the caller knows how wide
 * its rows are) keeps each task's share small at any size and changes nothing for the daily sizes.
 */
public final class ShufflePartitions implements AutoCloseable {
  private static final String KEY = "spark.sql.shuffle.partitions";
  private final SparkSession spark;
  private final String previous;

  private ShufflePartitions(SparkSession spark, String previous) {
    this.spark = spark;
    this.previous = previous;
  }

  /** At least the configured count; more when {@code rows} need more than one partition per {@code perPartition}. */
  public static ShufflePartitions forRows(SparkSession spark, long rows, long perPartition) {
    String previous = spark.conf().get(KEY);
    spark.conf().set(KEY, String.valueOf(count(Integer.parseInt(previous), rows, perPartition)));
    return new ShufflePartitions(spark, previous);
  }

  static int count(int configured, long rows, long perPartition) {
    return (int) Math.max(configured, Math.min(10_000, (rows + perPartition - 1) / perPartition));
  }

  @Override
  public void close() {
    spark.conf().set(KEY, previous);
  }
}
