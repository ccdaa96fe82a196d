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

  /** Upsert by key: matched rows take the source's values, new keys are inserted. */
  public void upsert(Dataset<Row> rows, Path table, String key, String partitionColumn) {
    if (!exists(table)) {
      append(rows, table, partitionColumn);
      return;
    }
    DeltaTable.forPath(spark, table.toString()).as("t")
        .merge(rows.as("s"), "t." + key + " = s." + key)
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .execute();
  }

  /**
   * Insert rows whose key is not in the table yet; existing keys are left alone (idempotent append). Nothing
   * new means no commit at all, so a rerun leaves the table's version unchanged.
   */
  public long insertNew(Dataset<Row> rows, Path table, String key, String partitionColumn) {
    return insertNewOn(rows.dropDuplicates(key), table, List.of(key), partitionColumn);
  }

  /** Insert rows that match no existing row on all the given columns (idempotent appends without an id). */
  public long insertNewOn(Dataset<Row> rows, Path table, List<String> columns, String partitionColumn) {
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
        append(fresh, table, partitionColumn);
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
    if (!exists(table)) {
      append(rows, table, partitionColumn);
      return;
    }
    String cond = String.join(" AND ", columns.stream().map(c -> "t.`" + c + "` <=> s.`" + c + "`").toList());
    DeltaTable.forPath(spark, table.toString()).as("t").merge(rows.as("s"), cond)
        .whenNotMatched().insertAll().execute();
  }

  /**
   * Upsert by key where the source is at least as new (by versionColumn) as the stored row: a late or
   * replayed older state never overwrites a newer one, so applying the same rows again changes nothing.
   */
  public void mergeNewer(Dataset<Row> rows, Path table, String key, String versionColumn, String partitionColumn) {
    if (!exists(table)) {
      append(rows, table, partitionColumn);
      return;
    }
    DeltaTable.forPath(spark, table.toString()).as("t")
        .merge(rows.as("s"), "t." + key + " = s." + key)
        .whenMatched("t." + versionColumn + " IS NULL OR s." + versionColumn + " >= t." + versionColumn).updateAll()
        .whenNotMatched().insertAll()
        .execute();
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
      for (int attempt = 1; ; attempt++) {
        try {
          body.run();
          return;
        } catch (io.delta.exceptions.DeltaConcurrentModificationException e) {
          // A batch command committed to the same table meanwhile (DESIGN §3: conflicts are retried). Running
          // the body again is safe: tables it already wrote skip by transaction id, the rest are rewritten.
          if (attempt >= CONFLICT_ATTEMPTS) {
            throw e;
          }
        }
      }
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
