package org.civicpulse.lake;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Delta read, write and MERGE for the lake's tables; nothing else touches Delta directly. */
public final class DeltaStore {
  private final SparkSession spark;

  public DeltaStore(SparkSession spark) {
    this.spark = spark;
  }

  public SparkSession spark() {
    return spark;
  }

  public boolean exists(Path table) {
    return DeltaTable.isDeltaTable(spark, table.toString());
  }

  /** The table, or an empty frame of the given schema when it does not exist yet. */
  public Dataset<Row> read(Path table, StructType schemaIfAbsent) {
    if (!exists(table)) {
      return spark.createDataFrame(List.of(), schemaIfAbsent);
    }
    return spark.read().format("delta").load(table.toString());
  }

  /** The table's latest version (the one a read now sees). */
  public long version(Path table) {
    return DeltaTable.forPath(spark, table.toString()).history(1).select("version").head().getLong(0);
  }

  /** The table as it was at a version: reads pinned to it stay consistent while others commit. */
  public Dataset<Row> readAt(Path table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(table.toString());
  }

  public void append(Dataset<Row> rows, Path table, String partitionColumn) {
    writer(rows, SaveMode.Append, partitionColumn).save(table.toString());
  }

  public void overwrite(Dataset<Row> rows, Path table, String partitionColumn) {
    writer(rows, SaveMode.Overwrite, partitionColumn).option("overwriteSchema", "true").save(table.toString());
  }

  /**
   * Atomically replaces the rows matching a predicate (e.g. one date range of a mart). A column the table lacks
   * is added (older rows read it as null): a mart that gains a column keeps working on an existing lake.
   */
  public void replaceWhere(Dataset<Row> rows, Path table, String predicate, String partitionColumn) {
    if (!exists(table)) {
      append(rows, table, partitionColumn);
      return;
    }
    writer(rows, SaveMode.Overwrite, partitionColumn).option("replaceWhere", predicate).option("mergeSchema", "true")
        .save(table.toString());
  }

  /** Upsert by key: matched rows take the source's values, new keys are inserted (conflict-checked, retried). */
  public void upsert(Dataset<Row> rows, Path table, String key, String partitionColumn) {
    retryOnConflict(() -> {
      if (!exists(table)) {
        append(rows, table, partitionColumn);
        return;
      }
      DeltaTable.forPath(spark, table.toString()).as("t")
          .merge(rows.as("s"), "t." + key + " = s." + key)
          .whenMatched().updateAll()
          .whenNotMatched().insertAll()
          .execute();
    });
  }

  /**
   * Insert rows whose key is not in the table yet; existing keys are left alone (idempotent append). Nothing
   * new means no commit at all, so a rerun leaves the table's version unchanged.
   */
  public long insertNew(Dataset<Row> rows, Path table, String key, String partitionColumn) {
    return insertNewOn(rows.dropDuplicates(key), table, List.of(key), partitionColumn);
  }

  /**
   * Insert rows that match no existing row on all the given columns (idempotent appends without an id). The
   * rows new against the table as read now are counted (nothing new: no commit at all), then committed by an
   * insert-only MERGE, which checks them again against the table as it is at commit time: a writer that
   * committed the same rows in between (the stream, another ingest) makes them be skipped, never doubled.
   *
   * @return the rows that were new when the run read the table (what a concurrent writer took is among them)
   */
  public long insertNewOn(Dataset<Row> rows, Path table, List<String> columns, String partitionColumn) {
    return insertNewOn(rows, table, columns, partitionColumn, () -> { });
  }

  /** As {@link #insertNewOn(Dataset, Path, List, String)}; {@code beforeCommit} runs between the count and the commit. */
  long insertNewOn(Dataset<Row> rows, Path table, List<String> columns, String partitionColumn, Runnable beforeCommit) {
    Dataset<Row> fresh = rows;
    if (exists(table)) {
      Dataset<Row> existing = read(table, rows.schema()).select(columns.stream().map(DeltaStore::col).toArray(Column[]::new));
      Column cond = null;
      for (String c : columns) {
        Column eq = rows.col(c).eqNullSafe(existing.col(c));
        cond = cond == null ? eq : cond.and(eq);
      }
      fresh = rows.join(existing, cond, "left_anti");
    }
    fresh = fresh.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    try {
      long n = fresh.count();
      if (n > 0) {
        beforeCommit.run();
        mergeInsertOnly(fresh, table, columns, partitionColumn);
      }
      return n;
    } finally {
      fresh.unpersist();
    }
  }

  /**
   * MERGE that only inserts rows matching no existing row on all the given columns (null-safe), in one atomic
   * commit: a row already stored (an event sent twice, a batch run again) is left alone.
   */
  public void mergeInsertOnly(Dataset<Row> rows, Path table, List<String> columns, String partitionColumn) {
    String cond = String.join(" AND ", columns.stream().map(c -> "t.`" + c + "` <=> s.`" + c + "`").toList());
    retryOnConflict(() -> {
      if (!exists(table)) {
        append(rows, table, partitionColumn);
        return;
      }
      DeltaTable.forPath(spark, table.toString()).as("t").merge(rows.as("s"), cond)
          .whenNotMatched().insertAll().execute();
    });
  }

  /**
   * Upsert by key unless the stored row is newer: a stored row is replaced unless both carry versionColumn and
   * the source's is earlier (docs/data.md: a version without updated_at is judged by file order, which the
   * caller already did). So a late or replayed older state never overwrites a newer one — also one that
   * another writer committed after this run read the table — and applying the same rows again changes nothing.
   */
  public void mergeNewer(Dataset<Row> rows, Path table, String key, String versionColumn, String partitionColumn) {
    retryOnConflict(() -> {
      if (!exists(table)) {
        append(rows, table, partitionColumn);
        return;
      }
      String s = "s." + versionColumn;
      String t = "t." + versionColumn;
      DeltaTable.forPath(spark, table.toString()).as("t")
          .merge(rows.as("s"), "t." + key + " = s." + key)
          .whenMatched(s + " IS NULL OR " + t + " IS NULL OR " + s + " >= " + t).updateAll()
          .whenNotMatched().insertAll()
          .execute();
    });
  }

  /**
   * Runs one write again when another writer committed to the same table in between (Delta's optimistic
   * concurrency: a MERGE whose files another commit changed fails instead of committing stale results). Every
   * write run through here re-reads the table when it runs again (insert-only, newer-only or upsert by key),
   * so a retry is safe; after {@value #CONFLICT_RETRIES} conflicts in a row the last one is thrown.
   */
  void retryOnConflict(Runnable write) {
    retryOnConflict(CONFLICT_RETRIES, write);
  }

  private static void retryOnConflict(int attempts, Runnable work) {
    for (int attempt = 1; ; attempt++) {
      try {
        work.run();
        return;
      } catch (io.delta.exceptions.DeltaConcurrentModificationException e) {
        if (attempt >= attempts) {
          throw e;
        }
        sleepBeforeRetry(attempt);
      }
    }
  }

  /** Conflicting commits in a row before a write gives up (a stream commits every few seconds at most). */
  static final int CONFLICT_RETRIES = 8;

  private static void sleepBeforeRetry(int attempt) {
    try {
      // 0.25, 0.5, 1, 2, 4, 4 … s, jittered: two writers that collided do not collide again in step.
      long base = Math.min(4000L, 250L << Math.min(attempt - 1, 4));
      Thread.sleep(base / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(base / 2 + 1));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry a conflicting write", ie);
    }
  }

  /**
   * Runs writes as Delta idempotent transactions (session confs txnAppId / txnVersion): a table that already
   * recorded this version or a later one for appId skips the write. So each table gets at most one commit
   * inside the body; the confs are cleared afterwards whatever happens.
   */
  public void idempotent(String appId, long version, Runnable body) {
    spark.conf().set(TXN_APP_ID, appId);
    spark.conf().set(TXN_VERSION, String.valueOf(version));
    try {
      // A batch command committed to the same table meanwhile (docs/streaming.md: conflicts are retried). Running
      // the body again is safe: tables it already wrote skip by transaction id, the rest are rewritten.
      retryOnConflict(CONFLICT_ATTEMPTS, body);
    } finally {
      spark.conf().unset(TXN_APP_ID);
      spark.conf().unset(TXN_VERSION);
    }
  }

  private static final int CONFLICT_ATTEMPTS = 3;

  private static final String TXN_APP_ID = "spark.databricks.delta.write.txnAppId";
  private static final String TXN_VERSION = "spark.databricks.delta.write.txnVersion";

  private org.apache.spark.sql.DataFrameWriter<Row> writer(Dataset<Row> rows, SaveMode mode, String partitionColumn) {
    // One task per partition value: otherwise every shuffle partition writes a small file into every month.
    Dataset<Row> shaped = partitionColumn == null ? rows : rows.repartition(col(partitionColumn));
    var w = shaped.write().format("delta").mode(mode);
    if (partitionColumn != null) {
      w = w.partitionBy(partitionColumn);
    }
    return w;
  }

  public static Column col(String name) {
    return org.apache.spark.sql.functions.col(name);
  }
}
