package org.civicpulse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** One SparkSession for the whole test JVM (surefire reuses one fork): starting Spark costs seconds. */
public final class SharedSpark {
  private static SparkSession spark;

  private SharedSpark() {}

  public static synchronized SparkSession get() {
    if (spark == null) {
      try {
        Path tmp = Files.createTempDirectory("civicpulse-spark");
        spark = SparkSession.builder()
            .master("local[2]")
            .appName("civicpulse-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.default.parallelism", "2")
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.databricks.delta.snapshotPartitions", "2")
            .config("spark.sql.warehouse.dir", tmp.resolve("warehouse").toString())
            .config("spark.local.dir", tmp.resolve("local").toString())
            .config("spark.sql.session.timeZone", "Asia/Shanghai")
            .getOrCreate();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return spark;
  }
}
