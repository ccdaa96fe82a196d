package org.civicpulse.curate;

import java.util.Collection;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The staged-record contract every source adapter hands to curation: a record's curated fields (typed, partial
 * when invalid), then where it came from — the adapter's own position columns (file and line, or topic,
 * partition and offset; see {@link QuarantineRows.Position}) — then its raw text and the reasons it is invalid
 * (empty when valid).
 */
public final class RecordColumns {
  public static final String RAW = "_raw";
  public static final String REASONS = "_reasons";

  private RecordColumns() {}

  /** The staged shape: {@code fields}, then {@code position}'s columns, then {@link #RAW} and {@link #REASONS}. */
  public static StructType schema(StructType fields, StructType position) {
    StructType s = fields;
    for (var f : position.fields()) {
      s = s.add(f);
    }
    return s.add(RAW, DataTypes.StringType, true)
        .add(REASONS, DataTypes.createArrayType(DataTypes.StringType, false), false);
  }

  /** One staged row in the order of {@link #schema}: values, position, raw text, reasons. */
  public static Row row(Object[] values, Object[] position, String raw, Collection<String> reasons) {
    Object[] row = new Object[values.length + position.length + 2];
    System.arraycopy(values, 0, row, 0, values.length);
    System.arraycopy(position, 0, row, values.length, position.length);
    row[row.length - 2] = raw;
    row[row.length - 1] = reasons.toArray(new String[0]);
    return RowFactory.create(row);
  }
}
