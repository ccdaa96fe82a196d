package org.civicpulse.lake;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Spark settings for one step, sized to its input rows and restored on close: the shuffle partitions, and for
 * a small input, how Spark executes at all.
 *
 * <p>Partitions: one per so many input rows (the caller knows how wide its rows are). Large inputs keep at
 * least the configured count: at 10M requests one ingest's shuffles made partitions of ~2 GB, and sorting one
 * of them ran a 4 GB driver out of heap. Small inputs (below {@link #SMALL_ROWS}) get only the partitions their
 * rows fill, but never fewer than the cores that run them: an extra partition is one more task per shuffle for a
 * few hundred rows, while one partition leaves every core but one idle.
 *
 * <p>Below the caller's {@code interpretBelow} rows, expressions are interpreted instead of generated and
 * compiled to Java, and adaptive execution is off: on a street office's lake a dashboard is ~90 small queries,
 * and compiling each took more CPU than its rows (every adaptive stage is one more Spark job, too). A step that
 * does heavy work per row (ingest's parsing and validation) is faster compiled from a few thousand rows on, so
 * each caller says where its break-even lies. Both ways compute the same values (docs/performance.md).
 * The optimizer's runtime Bloom filters are off too: Spark adds one only where a join's other side scans more than
 * 10 GB, so on small inputs the rule never fires, yet it searched every join of every plan (~0.3 s of a warm
 * one-day dashboard). Whole-stage code generation stays as configured: switching it between queries that share a
 * cached table fails Spark's plan checks, and switching it off bought nothing measurable once expressions were
 * interpreted.
 */
public final class StepScale implements AutoCloseable {
  /** Below this many input rows the configured partition count is a ceiling, not a floor. */
  static final long SMALL_ROWS = 1_000_000;
  /**
   * A fact table of fewer bytes on disk holds fewer than 1M rows (the bench lakes store ~15,500 events or ~8,600
   * requests per MiB), so a step reading it can be read small before it counts its rows ({@link #whileReading}).
   */
  public static final long SMALL_ON_DISK = 64L << 20;
  static final String PARTITIONS = "spark.sql.shuffle.partitions";
  static final String ADAPTIVE = "spark.sql.adaptive.enabled";
  static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";
  static final String RUNTIME_FILTER = "spark.sql.optimizer.runtime.bloomFilter.enabled";

  private final SparkSession spark;
  private final Map<String, String> previous;

  private StepScale(SparkSession spark, Map<String, String> previous) {
    this.spark = spark;
    this.previous = previous;
  }

  /** Partitions sized to {@code rows} at {@code perPartition} rows each; interpreted and unadaptive below {@code interpretBelow} rows. */
  public static StepScale forRows(SparkSession spark, long rows, long perPartition, long interpretBelow) {
    return apply(spark, settings(Integer.parseInt(spark.conf().get(PARTITIONS)),
        spark.sparkContext().defaultParallelism(), rows, perPartition, interpretBelow));
  }

  /**
   * For the reads that come before a step can count its rows (opening tables, the inputs it holds): interpreted
   * and unadaptive when its input is known to be small, the configured settings otherwise. Without it a small
   * step's first reads were planned adaptively and compiled, one more job per stage and Java generated for a few
   * hundred rows, before {@link #forRows} switched the rest of the step.
   */
  public static StepScale whileReading(SparkSession spark, boolean smallInput) {
    return apply(spark, readingSettings(smallInput));
  }

  /** {@link #whileReading(SparkSession, boolean)} for the table a step counts: small below {@link #SMALL_ON_DISK}. */
  public static StepScale whileReading(SparkSession spark, Path table) {
    return whileReading(spark, TableSize.below(table, SMALL_ON_DISK));
  }

  static Map<String, String> readingSettings(boolean smallInput) {
    Map<String, String> s = new LinkedHashMap<>();
    if (smallInput) {
      s.put(ADAPTIVE, "false");
      s.put(FACTORY_MODE, "NO_CODEGEN");
      s.put(RUNTIME_FILTER, "false");
    }
    return s;
  }

  private static StepScale apply(SparkSession spark, Map<String, String> settings) {
    Map<String, String> previous = new LinkedHashMap<>();
    settings.forEach((k, v) -> {
      previous.put(k, spark.conf().getOption(k).isDefined() ? spark.conf().get(k) : null);
      spark.conf().set(k, v);
    });
    return new StepScale(spark, previous);
  }

  /**
   * The settings for a step, as conf keys and values (pure: the tests pin the thresholds). {@code cores} is the
   * session's default parallelism: a small step still gets one partition per core (up to the configured count),
   * or the last stage of a long chain of joins runs as one task while the other cores wait.
   */
  static Map<String, String> settings(int configured, int cores, long rows, long perPartition, long interpretBelow) {
    Map<String, String> s = new LinkedHashMap<>();
    int sized = partitions(configured, rows, perPartition);
    s.put(PARTITIONS, String.valueOf(Math.max(Math.min(configured, cores), sized)));
    s.putAll(readingSettings(rows < interpretBelow));
    return s;
  }

  static int partitions(int configured, long rows, long perPartition) {
    long needed = Math.min(10_000, (rows + perPartition - 1) / perPartition);
    return (int) (rows < SMALL_ROWS ? Math.max(1, Math.min(configured, needed)) : Math.max(configured, needed));
  }

  @Override
  public void close() {
    previous.forEach((k, v) -> {
      if (v == null) {
        spark.conf().unset(k);
      } else {
        spark.conf().set(k, v);
      }
    });
  }
}
