package org.civicpulse.lake;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Collects a small mart slice to the driver as a Tablesaw table for the report stage: dates stay dates,
 * counts become ints, timestamps become local "yyyy-MM-dd HH:mm" text. Only for report-sized data.
 */
public final class TablesawConverter {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private TablesawConverter() {}

  public static Table toTable(String name, Dataset<Row> rows, ZoneId zone) {
    StructField[] fields = rows.schema().fields();
    Table t = Table.create(name);
    for (StructField f : fields) {
      t.addColumns(column(f.name(), f.dataType()));
    }
    List<Row> data = rows.collectAsList();
    for (Row r : data) {
      for (int i = 0; i < fields.length; i++) {
        append(t.column(i), fields[i].dataType(), r.isNullAt(i) ? null : r.get(i), zone);
      }
    }
    return t;
  }

  private static Column<?> column(String name, DataType type) {
    if (type.equals(DataTypes.DateType)) {
      return DateColumn.create(name);
    }
    if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType) || type.equals(DataTypes.ShortType)) {
      return IntColumn.create(name);
    }
    if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType) || type instanceof org.apache.spark.sql.types.DecimalType) {
      return DoubleColumn.create(name);
    }
    if (type.equals(DataTypes.BooleanType)) {
      return BooleanColumn.create(name);
    }
    return StringColumn.create(name);
  }

  private static void append(Column<?> c, DataType type, Object v, ZoneId zone) {
    if (v == null) {
      c.appendMissing();
    } else if (c instanceof DateColumn d) {
      d.append(((Date) v).toLocalDate());
    } else if (c instanceof IntColumn i) {
      i.append(((Number) v).intValue());
    } else if (c instanceof DoubleColumn d) {
      d.append(((Number) v).doubleValue());
    } else if (c instanceof BooleanColumn b) {
      b.append((Boolean) v);
    } else if (v instanceof Timestamp ts) {
      ((StringColumn) c).append(LOCAL.format(ts.toInstant().atZone(zone)));
    } else {
      ((StringColumn) c).append(String.valueOf(v));
    }
  }
}
