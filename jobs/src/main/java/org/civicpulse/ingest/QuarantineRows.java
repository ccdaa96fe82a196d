package org.civicpulse.ingest;

import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.civicpulse.schema.Reasons;

/** Shapes rejected staged rows as quarantine rows (DESIGN §2): raw text, source, line, reasons, run. */
public final class QuarantineRows {
  private QuarantineRows() {}

  public static Dataset<Row> fromStaged(Dataset<Row> rejected, String dataset, String runId, Timestamp at) {
    return rejected.select(
        lit(dataset).as("dataset"),
        col(StagedRows.SOURCE).as("source"),
        col(StagedRows.LINE).as("line"),
        lit(null).cast("int").as("partition"),
        lit(null).cast("long").as("offset"),
        col(StagedRows.RAW).as("raw"),
        col(StagedRows.REASONS).as("reasons"),
        lit(runId).as("run_id"),
        lit(at).as("quarantined_at"));
  }

  /** Valid rows whose id was already taken by different content. */
  public static Dataset<Row> conflicting(Dataset<Row> classified, String key) {
    Column reason = lit(new String[] {Reasons.of(Reasons.CONFLICTING_ID, key + " already used by a different record")});
    return classified.filter(col(KeyedVersions.OUTCOME).equalTo(KeyedVersions.CONFLICTING))
        .withColumn(StagedRows.REASONS, array_union(col(StagedRows.REASONS), reason));
  }
}
