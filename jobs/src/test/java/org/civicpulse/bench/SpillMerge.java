package org.civicpulse.bench;

import org.apache.spark.sql.SparkSession;
import org.civicpulse.lake.SparkSessions;

/**
 * Sorts {@code rows} random doubles in one task that spills every {@code spillEvery} rows, in a session built as
 * the app builds it, then reads the sorted rows back (the merge opens every spill file at once). Shows the heap a
 * merge needs at a given -Xmx: pass {@code -Dspark.unsafe.sorter.spill.read.ahead.enabled=true} to compare with
 * Spark's default. Prints {@code spill-merge rows=… spill_every=… read_ahead=… ok s=…}, or fails with the JVM's error.
 */
public final class SpillMerge {
  private SpillMerge() {}

  public static void main(String[] argv) {
    if (argv.length != 2) {
      System.err.println("usage: SpillMerge <rows> <spill every N rows>");
      System.exit(2);
    }
    long rows = Long.parseLong(argv[0]);
    System.setProperty("spark.shuffle.spill.numElementsForceSpillThreshold", argv[1]);
    SparkSession spark = SparkSessions.create("UTC", 1);
    long t = System.nanoTime();
    spark.range(0, rows, 1, 1).selectExpr("id", "rand(7) AS r").sortWithinPartitions("r")
        .write().format("noop").mode("overwrite").save();
    System.out.printf("spill-merge rows=%d spill_every=%s read_ahead=%s ok s=%.1f%n", rows, argv[1],
        spark.sparkContext().getConf().get("spark.unsafe.sorter.spill.read.ahead.enabled"), (System.nanoTime() - t) / 1e9);
    spark.stop();
  }
}
