package org.civicpulse.ingest;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.civicpulse.curate.RecordColumns;
import org.civicpulse.schema.TableSchema;

/**
 * The file adapter's record shape between reading and the lake: the curated columns (typed, possibly partial
 * when invalid), where it came from (file, line, order), then the {@link RecordColumns} every adapter hands on.
 */
public final class StagedRows {
  public static final String SOURCE = "_source";
  public static final String LINE = "_line";
  public static final String ORDER = "_order";

  private StagedRows() {}

  public static StructType schema(TableSchema table) {
    StructType fields = new StructType();
    for (StructField f : table.sparkSchema().fields()) {
      fields = fields.add(f.name(), f.dataType(), true);
    }
    return RecordColumns.schema(fields, POSITION);
  }

  /** Where a staged record came from: its file, its line and its order across the run's files. */
  static final StructType POSITION = new StructType()
      .add(SOURCE, DataTypes.StringType, false)
      .add(LINE, DataTypes.LongType, true)
      .add(ORDER, DataTypes.LongType, false);

  /** File order then line: decides which of two versions without updated_at is the later one. */
  public static long order(int fileIndex, long line) {
    return fileIndex * 10_000_000_000L + line;
  }
}
