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
            .config("spark.databricks.delta.snapshotPartitions", "1")
            .config("spark.hadoop." + org.civicpulse.lake.ForklessLocalFileSystem.FS_KEY,
                org.civicpulse.lake.ForklessLocalFileSystem.class.getName())
            .config("spark.hadoop." + org.civicpulse.lake.ForklessLocalFileSystem.CONTEXT_KEY,
                org.civicpulse.lake.ForklessLocalFileSystem.Context.class.getName())
            .config("spark.sql.warehouse.dir", tmp.resolve("warehouse").toString())
            .config("spark.local.dir", tmp.resolve("local").toString())
            .config("spark.sql.session.timeZone", "Asia/Shanghai")
            // Test fixtures are a few hundred rows: interpreted expressions and no adaptive stages, as the app
            // runs its small steps (lake/StepScale, docs/performance.md); both compute the same values.
            .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
            .config("spark.sql.adaptive.enabled", "false")
            .config("spark.databricks.delta.allFilesInCrc.verificationMode.forceOnNonUTC.enabled", "false")
            .getOrCreate();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return spark;
  }
}
