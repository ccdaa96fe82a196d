package org.civicpulse.dashboard;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.civicpulse.lake.DeltaLogChanges;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;

/**
 * The request events a dashboard run reads: the months from the look-back start W to the range's end, plus
 * a summary of everything before W (RequestHistorySummary). The summary is kept in the lake's state folder
 * with the request_events version it was built from, reused while no later commit touched a month before W,
 * and otherwise rebuilt from the newest still-valid summary plus the months after it. So a daily run reads a
 * few months of events whatever the length of history, and still gives the numbers the full history gives.
 */
public final class EventHistory {
  static final String SUMMARY = "request_history_summary";
  static final String INDEX = "request_history_index";
  static final String AS_OF = "as_of";
  /** Metrics look back 8 weeks (anomaly history) and 30 days (reopen base) before the range. */
  static final int LOOK_BACK_DAYS = AnomalyMetrics.WEEKS * 7;
  private static final StructType INDEX_SCHEMA = new StructType()
      .add(AS_OF, DataTypes.StringType, false)
      .add("events_version", DataTypes.LongType, false)
      .add("summary_rows", DataTypes.LongType, false)
      .add("built_from", DataTypes.StringType, false);

  private final DeltaStore store;
  private final Lake lake;
  private final Consumer<String> progress;

  public EventHistory(DeltaStore store, Lake lake, Consumer<String> progress) {
    this.store = store;
    this.lake = lake;
    this.progress = progress;
  }

  /** First day of the month that holds the range's start minus the look-back. */
  public static LocalDate lookBackStart(DateRange r) {
    return r.from().minusDays(LOOK_BACK_DAYS).withDayOfMonth(1);
  }

  /** The events the range's metrics need, as request_events rows. */
  public Dataset<Row> events(DateRange r) {
    Path table = lake.curated(Schemas.REQUEST_EVENTS);
    if (!store.exists(table)) {
      return store.read(table, Schemas.get(Schemas.REQUEST_EVENTS).sparkSchema());
    }
    long version = store.version(table);
    Dataset<Row> all = store.readAt(table, version);
    LocalDate w = lookBackStart(r);
    Dataset<Row> recent = all.filter(col(TableSchema.MONTH_COLUMN).geq(month(w))
        .and(col(TableSchema.MONTH_COLUMN).leq(month(r.to()))));
    return summaryBefore(w, version, all).unionByName(recent);
  }

  private Dataset<Row> summaryBefore(LocalDate w, long version, Dataset<Row> all) {
    List<Row> index = readIndex();
    Optional<Row> exact = index.stream().filter(i -> i.getString(0).equals(w.toString()) && valid(i, version)).findFirst();
    if (exact.isPresent()) {
      progress.accept("history before " + w + ": kept summary of " + exact.get().getLong(2) + " events");
      return summaryAt(w.toString());
    }
    Optional<Row> base = index.stream().filter(i -> i.getString(0).compareTo(w.toString()) < 0 && valid(i, version))
        .max(Comparator.comparing((Row i) -> i.getString(0)));
    Dataset<Row> input;
    String builtFrom;
    if (base.isPresent()) {
      String from = base.get().getString(0);
      builtFrom = "summary " + from + " + events " + from.substring(0, 7) + " … " + month(w.minusMonths(1));
      input = summaryAt(from).unionByName(all.filter(col(TableSchema.MONTH_COLUMN).geq(from.substring(0, 7))
          .and(col(TableSchema.MONTH_COLUMN).lt(month(w)))));
    } else {
      builtFrom = "all events before " + w;
      input = all.filter(col(TableSchema.MONTH_COLUMN).lt(month(w)));
    }
    return save(w, version, RequestHistorySummary.before(input, w), builtFrom);
  }

  private Dataset<Row> save(LocalDate w, long version, Dataset<Row> summary, String builtFrom) {
    Dataset<Row> rows = summary.withColumn(AS_OF, lit(w.toString())).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long n = rows.count();
      // Summary first, index second: an index row always points at a complete summary.
      store.replaceWhere(rows, lake.state(SUMMARY), AS_OF + " = '" + w + "'", AS_OF);
      Dataset<Row> entry = store.spark().createDataFrame(
          List.of(RowFactory.create(w.toString(), version, n, builtFrom)), INDEX_SCHEMA);
      store.upsert(entry, lake.state(INDEX), AS_OF, null);
      progress.accept("history before " + w + ": summary of " + n + " events built from " + builtFrom);
    } finally {
      rows.unpersist();
    }
    return summaryAt(w.toString());
  }

  private Dataset<Row> summaryAt(String asOf) {
    return store.read(lake.state(SUMMARY), null).filter(col(AS_OF).equalTo(asOf)).drop(AS_OF);
  }

  private List<Row> readIndex() {
    return store.exists(lake.state(INDEX)) ? store.read(lake.state(INDEX), INDEX_SCHEMA).collectAsList() : List.of();
  }

  /** A summary stays valid while no commit after it changed a month before its as-of month. */
  private boolean valid(Row index, long version) {
    DeltaLogChanges log = new DeltaLogChanges(store.spark());
    return !log.changedBelow(lake.curated(Schemas.REQUEST_EVENTS), index.getLong(1), version,
        TableSchema.MONTH_COLUMN, index.getString(0).substring(0, 7));
  }

  static String month(LocalDate d) {
    return String.format("%04d-%02d", d.getYear(), d.getMonthValue());
  }
}
