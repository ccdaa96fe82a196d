package org.civicpulse.curate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Shapes rejected records as quarantine rows (docs/data.md): dataset, source, position, raw text, reasons, run. */
public final class QuarantineRows {
  private QuarantineRows() {}

  /** Where a record came from, as quarantine columns: a file and line, or a topic, partition and offset. */
  public record Position(Column source, Column line, Column partition, Column offset) {
    /** A file's records: source = the file, line = its line. */
    public static Position file(String sourceColumn, String lineColumn) {
      return new Position(col(sourceColumn), col(lineColumn), lit(null).cast("int"), lit(null).cast("long"));
    }

    /** A topic's records: source = the topic, no line, partition and offset. */
    public static Position kafka(String topicColumn, String partitionColumn, String offsetColumn) {
      return new Position(col(topicColumn), lit(null).cast("long"), col(partitionColumn), col(offsetColumn));
    }
  }

  /** @param at when the run quarantined them (a batch run's start; the stream: the batch's time) */
  public static Dataset<Row> of(Dataset<Row> rejected, String dataset, Position where, String runId, Column at) {
    return rejected.select(
        lit(dataset).as("dataset"),
        where.source().as("source"),
        where.line().as("line"),
        where.partition().as("partition"),
        where.offset().as("offset"),
        coalesce(col(RecordColumns.RAW), lit("")).as("raw"),
        col(RecordColumns.REASONS).as("reasons"),
        lit(runId).as("run_id"),
        at.as("quarantined_at"));
  }
}
