package org.civicpulse.lake;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession every command uses: Delta enabled, session time zone from the config. */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * Local default when no master was given (scripts/civicpulse passes local[*]; spark-submit passes its own).
   * Settings a user passed with --conf win over ours, except the Delta extension, which the lake needs.
   */
  public static SparkSession create(String timezone, int shufflePartitions) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder b = SparkSession.builder().appName("civicpulse");
    if (!conf.contains("spark.master")) {
      b.master("local[*]");
    }
    b.config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", timezone);
    setDefault(b, conf, "spark.sql.shuffle.partitions", String.valueOf(shufflePartitions));
    // A table's state (its file list) is a few thousand rows at most: the lake is partitioned by month and
    // compacted. Every read of a Delta table runs a job over that state, one task per partition, and each task
    // generates its row deserializer's code again: one partition (Delta's default is 50) was 5-10 % of a
    // one-day dashboard and no slower at 1m requests (docs/performance.md).
    setDefault(b, conf, "spark.databricks.delta.snapshotPartitions", "1");
    setDefault(b, conf, "spark.ui.showConsoleProgress", "false");
    setDefault(b, conf, "spark.sql.adaptive.enabled", "true");
    setDefault(b, conf, "spark.databricks.delta.schema.autoMerge.enabled", "false");
    // Delta 4.0 re-lists a table's whole state after every commit whenever the session zone is not UTC (a check
    // of its incremental checksum); the shipped zone is Asia/Shanghai, so every write paid a full state
    // reconstruction. The check only verifies; the state it checks stays the same (docs/performance.md).
    setDefault(b, conf, "spark.databricks.delta.allFilesInCrc.verificationMode.forceOnNonUTC.enabled", "false");
    // A sort that spilled N times merges N spill files at once, and with read-ahead each open file holds two
    // 1 MiB buffers on the heap, outside the memory Spark manages: a full-range dashboard's sorts spill dozens of
    // times and more as the lake grows, and a 1m full range in a small heap ran out of it while opening them.
    // Without read-ahead the rows come in the same order, and merging 200 spills was no slower (docs/performance.md).
    setDefault(b, conf, "spark.unsafe.sorter.spill.read.ahead.enabled", "false");
    // Without Hadoop's native library every local file created costs a chmod process and every Delta commit
    // readlink processes; these classes do both in Java.
    setDefault(b, conf, "spark.hadoop." + ForklessLocalFileSystem.FS_KEY, ForklessLocalFileSystem.class.getName());
    setDefault(b, conf, "spark.hadoop." + ForklessLocalFileSystem.CONTEXT_KEY, ForklessLocalFileSystem.Context.class.getName());
    SparkSession spark = b.getOrCreate();
    spark.conf().set("spark.sql.session.timeZone", timezone);
    return spark;
  }

  /**
   * A session of its own on the same SparkContext, for work that runs beside this session's on another driver
   * thread: each keeps its own SQL settings (StepScale's shuffle partitions and codegen switches). A new session
   * starts from the application's settings, so the zone, which may have been set since, is copied.
   */
  public static SparkSession sibling(SparkSession spark) {
    SparkSession own = spark.newSession();
    own.conf().set(ZONE, spark.conf().get(ZONE));
    return own;
  }

  /** The session's time zone setting. */
  public static final String ZONE = "spark.sql.session.timeZone";

  private static void setDefault(SparkSession.Builder b, SparkConf conf, String key, String value) {
    if (!conf.contains(key)) {
      b.config(key, value);
    }
  }
}
