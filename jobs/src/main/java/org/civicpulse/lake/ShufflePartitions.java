package org.civicpulse.lake;

import org.apache.spark.sql.SparkSession;

/**
 * Sets spark.sql.shuffle.partitions for one step in proportion to its input rows, and restores it on close.
 *
 * <p>One partition per so many input rows (the caller knows how wide its rows are). Large inputs keep at least
 * the configured count: at 10M requests one ingest's shuffles made partitions of ~2 GB, and sorting one of them
 * (dropDuplicates on the derived events) ran a 4 GB driver out of heap while merging its spill files. Small
 * inputs (below {@link #SMALL_ROWS}) get only the partitions their rows fill, down to one: on a street
 * office's lake each extra partition is one more task per shuffle to schedule for a few hundred rows
 * (docs/performance.md).
 */
public final class ShufflePartitions implements AutoCloseable {
  private static final String KEY = "spark.sql.shuffle.partitions";
  /** Below this many input rows the configured count is a ceiling, not a floor. */
  static final long SMALL_ROWS = 1_000_000;
  private final SparkSession spark;
  private final String previous;

  private ShufflePartitions(SparkSession spark, String previous) {
    this.spark = spark;
    this.previous = previous;
  }

  /** One partition per {@code perPartition} rows; at least the configured count for a large input, at least 1 for a small one. */
  public static ShufflePartitions forRows(SparkSession spark, long rows, long perPartition) {
    String previous = spark.conf().get(KEY);
    spark.conf().set(KEY, String.valueOf(count(Integer.parseInt(previous), rows, perPartition)));
    return new ShufflePartitions(spark, previous);
  }

  static int count(int configured, long rows, long perPartition) {
    long needed = Math.min(10_000, (rows + perPartition - 1) / perPartition);
    return (int) (rows < SMALL_ROWS ? Math.max(1, Math.min(configured, needed)) : Math.max(configured, needed));
  }

  @Override
  public void close() {
    spark.conf().set(KEY, previous);
  }
}
