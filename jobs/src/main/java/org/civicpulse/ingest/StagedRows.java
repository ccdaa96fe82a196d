package org.civicpulse.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
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
    List<StructField> fields = new ArrayList<>();
    for (StructField f : table.sparkSchema().fields()) {
      fields.add(new StructField(f.name(), f.dataType(), true, Metadata.empty()));
    }
    fields.add(new StructField(SOURCE, DataTypes.StringType, false, Metadata.empty()));
    fields.add(new StructField(LINE, DataTypes.LongType, true, Metadata.empty()));
    fields.add(new StructField(ORDER, DataTypes.LongType, false, Metadata.empty()));
    fields.add(new StructField(RecordColumns.RAW, DataTypes.StringType, false, Metadata.empty()));
    fields.add(new StructField(RecordColumns.REASONS, DataTypes.createArrayType(DataTypes.StringType, false), false, Metadata.empty()));
    return new StructType(fields.toArray(new StructField[0]));
  }

  /** File order then line: decides which of two versions without updated_at is the later one. */
  public static long order(int fileIndex, long line) {
    return fileIndex * 10_000_000_000L + line;
  }
}
