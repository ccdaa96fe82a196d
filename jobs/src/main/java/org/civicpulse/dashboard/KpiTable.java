package org.civicpulse.dashboard;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.civicpulse.stats.HolidayCalendar;

/** Assembles kpis_daily: the dense grid with every metric family laid on it by (date, community, category). */
public final class KpiTable {
  static final List<String> KEYS = List.of("date", "community_id", "category");
  /** Counts that are 0, never empty, on a quiet day. */
  static final List<String> ZERO_FILLED = List.of("volume", "backlog", "backlog_0_1d", "backlog_1_3d", "backlog_3_7d",
      "backlog_7_30d", "backlog_30d_plus", "overdue", "sla_due", "sla_met", "feedback_n", "reopened");
  /** docs/design-notes.md column order of kpis_daily.csv, then the extra columns. */
  public static final List<String> COLUMNS = List.of("date", "community_id", "category", "volume", "backlog",
      "first_response_p50_h", "first_response_p90_h", "resolution_p50_h", "resolution_p90_h", "sla_due", "sla_met",
      "sla_compliance", "feedback_n", "rating_mean", "csat", "feedback_rate", "overdue", "anomaly_z", "anomaly_flag",
      "backlog_0_1d", "backlog_1_3d", "backlog_3_7d", "backlog_7_30d", "backlog_30d_plus", "reopened", "reopen_rate",
      "holiday");

  /** Marks the grid's own rows in {@link #onGrid}: a family's row for a cell outside the grid is dropped. */
  private static final String IN_GRID = "_in_grid";

  private KpiTable() {}

  /** Without a holiday calendar (the holiday column stays empty), the families joined. */
  public static Dataset<Row> build(DashboardInputs in, DateRange r) {
    return build(in, r, null, false);
  }

  /**
   * @param holidays the country's calendar; a holiday's Chinese and English names go beside every row of its day
   * @param familiesApart finish each metric family in tasks of its own, for large inputs (see {@link #onGrid})
   */
  public static Dataset<Row> build(DashboardInputs in, DateRange r, HolidayCalendar holidays, boolean familiesApart) {
    DateRange history = r.extendBack(AnomalyMetrics.WEEKS * 7);
    Dataset<Row> events = in.events();
    CellGrid grid = in.grid();
    Dataset<Row> dense = zeroFill(grid.days(history, false).join(VolumeMetrics.volume(events, history), seq(), "left"),
        List.of("volume"));
    Dataset<Row> out = onGrid(grid.days(r, true), List.of(
        VolumeMetrics.volume(events, r),
        BacklogMetrics.backlog(events, grid, r),
        TimingMetrics.firstResponse(events, r),
        TimingMetrics.resolution(events, r),
        SlaMetrics.sla(events, r),
        SatisfactionMetrics.ratings(in.feedback(), in.requestCategories(), r),
        SatisfactionMetrics.feedbackRate(events, in.feedbackByRequest(), r).drop("closed_n"),
        ReopenMetrics.reopened(events, r),
        ReopenMetrics.closedPrevious30(events, grid, r),
        AnomalyMetrics.anomalies(dense, r)), familiesApart);
    out = zeroFill(out, ZERO_FILLED)
        .withColumn("sla_compliance", expr("CASE WHEN sla_due > 0 THEN sla_met / sla_due END"))
        .withColumn("reopen_rate", expr("CASE WHEN closed_prev30 > 0 THEN reopened / closed_prev30 END"))
        .withColumn("anomaly_flag", coalesce(col("anomaly_flag"), lit(false)))
        .join(holidayNames(in.spark(), r, holidays), scala.jdk.javaapi.CollectionConverters.asScala(List.of("date")).toList(), "left");
    return out.selectExpr(COLUMNS.toArray(new String[0]));
  }

  /**
   * The grid's rows with every family's columns beside them, as a left join of each family on the keys gives
   * (each family has at most one row per cell). Joined, a sort-merge join of each family on the next, every
   * family is finished and sorted in the same task: at 10M requests over three years the families' own
   * aggregations (the percentiles hold every value of a cell) and those sorts outgrew a 4 GB heap. Apart, the
   * families are unioned and aggregated on the keys, so each one is finished in tasks of its own; each travels
   * as one struct, so the aggregation keeps one value per family, not per column. Apart costs more CPU on a
   * small lake, whose expressions are interpreted (a three-year range at 100k requests: +30 CPU s of ~190), and
   * about the same at 1M (docs/performance.md).
   *
   * @param apart lay the families apart (a step whose families are large) instead of joined
   */
  static Dataset<Row> onGrid(Dataset<Row> grid, List<Dataset<Row>> families, boolean apart) {
    return apart ? apart(grid, families) : joined(grid, families);
  }

  private static Dataset<Row> joined(Dataset<Row> grid, List<Dataset<Row>> families) {
    Dataset<Row> joined = grid;
    for (Dataset<Row> family : families) {
      joined = joined.join(family, seq(), "left");
    }
    return joined;
  }

  private static Dataset<Row> apart(Dataset<Row> grid, List<Dataset<Row>> families) {
    Dataset<Row> all = grid.withColumn(IN_GRID, lit(true));
    List<Column> picked = new ArrayList<>();
    List<Column> columns = new ArrayList<>(List.of(keyColumns()));
    for (int i = 0; i < families.size(); i++) {
      Dataset<Row> family = families.get(i);
      String name = "_family" + i;
      Column[] values = Arrays.stream(family.columns()).filter(c -> !KEYS.contains(c))
          .map(functions::col).toArray(Column[]::new);
      Column[] row = Arrays.copyOf(keyColumns(), KEYS.size() + 1);
      row[KEYS.size()] = struct(values).as(name);
      all = all.unionByName(family.select(row), true);
      picked.add(first(col(name), true).as(name));
      columns.add(col(name + ".*"));
    }
    return all.groupBy(keyColumns())
        .agg(max(col(IN_GRID)).as(IN_GRID), picked.toArray(new Column[0]))
        .filter(col(IN_GRID)).select(columns.toArray(new Column[0]));
  }

  private static Dataset<Row> holidayNames(org.apache.spark.sql.SparkSession spark, DateRange r, HolidayCalendar holidays) {
    List<Row> rows = new java.util.ArrayList<>();
    for (java.time.LocalDate d = r.from(); holidays != null && !d.isAfter(r.to()); d = d.plusDays(1)) {
      if (holidays.isHoliday(d)) {
        rows.add(org.apache.spark.sql.RowFactory.create(java.sql.Date.valueOf(d),
            holidays.holidayName(d, "zh").orElse("") + " " + holidays.holidayName(d, "en").orElse("")));
      }
    }
    return spark.createDataFrame(rows, new org.apache.spark.sql.types.StructType()
        .add("date", org.apache.spark.sql.types.DataTypes.DateType).add("holiday", org.apache.spark.sql.types.DataTypes.StringType));
  }

  private static Dataset<Row> zeroFill(Dataset<Row> df, List<String> columns) {
    Dataset<Row> out = df;
    for (String c : columns) {
      out = out.withColumn(c, coalesce(col(c), lit(0L)).cast("int"));
    }
    return out;
  }

  private static Column[] keyColumns() {
    return KEYS.stream().map(functions::col).toArray(Column[]::new);
  }

  private static scala.collection.immutable.Seq<String> seq() {
    return scala.jdk.javaapi.CollectionConverters.asScala(KEYS).toList();
  }
}
