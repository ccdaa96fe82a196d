package org.civicpulse.lake;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads a small Delta table (a mart, a reference table) into a Tablesaw table with Delta Kernel, in this JVM and
 * without Spark: a report reads a dozen such tables, and through Spark each cost a snapshot job, a file-listing
 * job and a scan job — 18 s of a 25 s report on the sample lake, against about 2 s here (docs/performance.md).
 * Types as TablesawConverter gives them: dates stay dates, whole numbers become ints, timestamps become local
 * "yyyy-MM-dd HH:mm" text in the given zone. Deletion vectors are honoured through the scan's selection vector.
 */
public final class SmallTableReader {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private final Engine engine = DefaultEngine.create(new Configuration());
  private final ZoneId zone;

  public SmallTableReader(ZoneId zone) {
    this.zone = zone;
  }

  /** Whether the folder holds a Delta table (a _delta_log with at least one commit). */
  public boolean exists(Path table) {
    Path log = table.resolve("_delta_log");
    if (!Files.isDirectory(log)) {
      return false;
    }
    try (var s = Files.list(log)) {
      return s.anyMatch(p -> p.getFileName().toString().endsWith(".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Which rows to keep: Delta skips the files whose statistics rule the filter out, and the rows of the files it
   * reads are tested one by one, so a report's 120 days of a mart with years of days never sit in memory whole.
   */
  public record Filter(String column, io.delta.kernel.expressions.Predicate skip, java.util.function.BiPredicate<ColumnVector, Integer> keep) {
    /** A date column within [from, to]. */
    public static Filter dateBetween(String column, LocalDate from, LocalDate to) {
      io.delta.kernel.expressions.Column c = new io.delta.kernel.expressions.Column(column);
      int lo = (int) from.toEpochDay();
      int hi = (int) to.toEpochDay();
      return new Filter(column, new io.delta.kernel.expressions.And(
          new io.delta.kernel.expressions.Predicate(">=", c, io.delta.kernel.expressions.Literal.ofDate(lo)),
          new io.delta.kernel.expressions.Predicate("<=", c, io.delta.kernel.expressions.Literal.ofDate(hi))),
          (v, r) -> !v.isNullAt(r) && v.getInt(r) >= lo && v.getInt(r) <= hi);
    }

    /** A string column equal to a value. */
    public static Filter equalTo(String column, String value) {
      return new Filter(column, new io.delta.kernel.expressions.Predicate("=",
          new io.delta.kernel.expressions.Column(column), io.delta.kernel.expressions.Literal.ofString(value)),
          (v, r) -> !v.isNullAt(r) && value.equals(v.getString(r)));
    }
  }

  /** The whole table as of its latest version, named name. */
  public Table read(String name, Path table) {
    return read(name, table, null);
  }

  /** The table's rows that pass the filter (null: all), named name. */
  public Table read(String name, Path table, Filter filter) {
    return read(name, table, filter, null);
  }

  /** The latest day in a date column, or null when it holds none; reads that column only. */
  public LocalDate lastDay(Path table, String column) {
    DateColumn c = read("days", table, null, column).dateColumn(column);
    return c.countMissing() == c.size() ? null : c.max();
  }

  /** The distinct non-empty values of a string column; reads that column only. */
  public java.util.Set<String> distinct(Path table, String column) {
    java.util.Set<String> out = new java.util.TreeSet<>(read("values", table, null, column).stringColumn(column).asSet());
    out.remove("");
    return out;
  }

  /** The rows that pass the filter, all columns or the one named. */
  private Table read(String name, Path table, Filter filter, String onlyColumn) {
    try {
      Snapshot snapshot = io.delta.kernel.Table.forPath(engine, table.toAbsolutePath().toString()).getLatestSnapshot(engine);
      io.delta.kernel.ScanBuilder builder = snapshot.getScanBuilder();
      StructType logical = snapshot.getSchema();
      if (onlyColumn != null) {
        logical = new StructType().add(logical.get(onlyColumn));
        builder = builder.withReadSchema(logical);
      }
      Scan scan = (filter == null ? builder : builder.withFilter(filter.skip())).build();
      io.delta.kernel.data.Row state = scan.getScanState(engine);
      StructType physical = ScanStateRow.getPhysicalDataReadSchema(engine, state);
      Table out = Table.create(name);
      for (StructField f : logical.fields()) {
        out.addColumns(column(f.getName(), f.getDataType()));
      }
      try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
        while (files.hasNext()) {
          try (CloseableIterator<io.delta.kernel.data.Row> rows = files.next().getRows()) {
            while (rows.hasNext()) {
              appendFile(out, logical, state, rows.next(), physical, filter);
            }
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + table + ": " + e.getMessage(), e);
    }
  }

  private void appendFile(Table out, StructType logical, io.delta.kernel.data.Row state, io.delta.kernel.data.Row file,
      StructType physical, Filter filter) throws IOException {
    int tested = filter == null ? -1 : logical.indexOf(filter.column());
    FileStatus status = InternalScanFileUtils.getAddFileStatus(file);
    CloseableIterator<ColumnarBatch> data = engine.getParquetHandler()
        .readParquetFiles(Utils.singletonCloseableIterator(status), physical, Optional.empty());
    try (CloseableIterator<FilteredColumnarBatch> batches = Scan.transformPhysicalData(engine, state, file, data)) {
      while (batches.hasNext()) {
        FilteredColumnarBatch b = batches.next();
        ColumnarBatch batch = b.getData();
        Optional<ColumnVector> keep = b.getSelectionVector();
        for (int r = 0; r < batch.getSize(); r++) {
          if (keep.isPresent() && (keep.get().isNullAt(r) || !keep.get().getBoolean(r))) {
            continue;
          }
          if (tested >= 0 && !filter.keep().test(batch.getColumnVector(tested), r)) {
            continue;
          }
          for (int c = 0; c < logical.length(); c++) {
            append(out.column(c), batch.getColumnVector(c), r);
          }
        }
      }
    }
  }

  private static Column<?> column(String name, DataType type) {
    if (type instanceof DateType) {
      return DateColumn.create(name);
    }
    if (type instanceof IntegerType || type instanceof LongType || type instanceof ShortType) {
      return IntColumn.create(name);
    }
    if (type instanceof DoubleType || type instanceof FloatType || type instanceof DecimalType) {
      return DoubleColumn.create(name);
    }
    if (type instanceof BooleanType) {
      return BooleanColumn.create(name);
    }
    return StringColumn.create(name);
  }

  private void append(Column<?> c, ColumnVector v, int r) {
    if (v.isNullAt(r)) {
      c.appendMissing();
      return;
    }
    DataType t = v.getDataType();
    if (c instanceof DateColumn d) {
      d.append(LocalDate.ofEpochDay(v.getInt(r)));
    } else if (c instanceof IntColumn i) {
      i.append(t instanceof LongType ? (int) v.getLong(r) : t instanceof ShortType ? v.getShort(r) : v.getInt(r));
    } else if (c instanceof DoubleColumn d) {
      d.append(t instanceof FloatType ? v.getFloat(r) : t instanceof DecimalType ? v.getDecimal(r).doubleValue() : v.getDouble(r));
    } else if (c instanceof BooleanColumn b) {
      b.append(v.getBoolean(r));
    } else if (t instanceof TimestampType) {
      ((StringColumn) c).append(LOCAL.format(micros(v.getLong(r)).atZone(zone)));
    } else if (t instanceof TimestampNTZType) {
      ((StringColumn) c).append(LOCAL.format(micros(v.getLong(r)).atZone(ZoneOffset.UTC)));
    } else {
      ((StringColumn) c).append(v.getString(r));
    }
  }

  private static Instant micros(long us) {
    return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1_000L);
  }

  /** The first and last local day of a timestamp column, the table's row count and the column's newest instant. */
  public record Span(LocalDate first, LocalDate last, long rows, Instant newest) {}

  /**
   * First and last local day of a timestamp column, and the row count, from the statistics Delta keeps per file
   * (a 10m-row table answers in a second); a table with a file lacking them is read for that column instead.
   * Null when the table holds no row with a value there.
   */
  public Span span(Path table, String column) {
    Snapshot snapshot = io.delta.kernel.Table.forPath(engine, table.toAbsolutePath().toString()).getLatestSnapshot(engine);
    Instant min = null;
    Instant max = null;
    long rows = 0;
    try (CloseableIterator<FilteredColumnarBatch> files =
        ((io.delta.kernel.internal.ScanImpl) snapshot.getScanBuilder().build()).getScanFiles(engine, true)) {
      while (files.hasNext()) {
        try (CloseableIterator<io.delta.kernel.data.Row> it = files.next().getRows()) {
          while (it.hasNext()) {
            io.delta.kernel.data.Row add = it.next().getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL);
            com.fasterxml.jackson.databind.JsonNode stats = stats(add);
            if (stats == null) {
              return spanByReading(table, column);
            }
            rows += stats.path("numRecords").asLong();
            Instant lo = instant(stats.path("minValues").path(column));
            Instant hi = instant(stats.path("maxValues").path(column));
            long nulls = stats.path("nullCount").path(column).asLong(0);
            if ((lo == null || hi == null) && nulls < stats.path("numRecords").asLong()) {
              return spanByReading(table, column);
            }
            min = lo == null || (min != null && !lo.isBefore(min)) ? min : lo;
            max = hi == null || (max != null && !hi.isAfter(max)) ? max : hi;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return min == null ? null : new Span(min.atZone(zone).toLocalDate(), max.atZone(zone).toLocalDate(), rows, max);
  }

  private static com.fasterxml.jackson.databind.JsonNode stats(io.delta.kernel.data.Row add) {
    int at = InternalScanFileUtils.ADD_FILE_STATS_ORDINAL;
    if (add.isNullAt(at)) {
      return null;
    }
    try {
      com.fasterxml.jackson.databind.JsonNode n = JSON.readTree(add.getString(at));
      return n.has("numRecords") ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static Instant instant(com.fasterxml.jackson.databind.JsonNode v) {
    if (!v.isTextual()) {
      return null;
    }
    return java.time.OffsetDateTime.parse(v.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  private Span spanByReading(Path table, String column) {
    Table t = read("span", table);
    String lo = null;
    String hi = null;
    StringColumn c = (StringColumn) t.column(column);
    for (int i = 0; i < t.rowCount(); i++) {
      if (!c.isMissing(i)) {
        // Local "yyyy-MM-dd HH:mm" text (LOCAL) sorts as the instants do.
        String v = c.get(i);
        lo = lo == null || v.compareTo(lo) < 0 ? v : lo;
        hi = hi == null || v.compareTo(hi) > 0 ? v : hi;
      }
    }
    return lo == null ? null : new Span(LocalDate.parse(lo.substring(0, 10)), LocalDate.parse(hi.substring(0, 10)),
        t.rowCount(), java.time.LocalDateTime.parse(hi, LOCAL).atZone(zone).toInstant());
  }
}
