package org.civicpulse.dashboard;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.civicpulse.stats.HolidayCalendar;

/** Assembles kpis_daily: the dense grid with every metric family joined on (date, community, category). */
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

  private KpiTable() {}

  /** Without a holiday calendar: the holiday column stays empty. */
  public static Dataset<Row> build(DashboardInputs in, DateRange r) {
    return build(in, r, null);
  }

  /** @param holidays the country's calendar; a holiday's Chinese and English names go beside every row of its day */
  public static Dataset<Row> build(DashboardInputs in, DateRange r, HolidayCalendar holidays) {
    DateRange history = r.extendBack(AnomalyMetrics.WEEKS * 7);
    Dataset<Row> events = in.events();
    CellGrid grid = in.grid();
    Dataset<Row> dense = zeroFill(grid.days(history, false).join(VolumeMetrics.volume(events, history), seq(), "left"),
        List.of("volume"));
    Dataset<Row> out = grid.days(r, true)
        .join(VolumeMetrics.volume(events, r), seq(), "left")
        .join(BacklogMetrics.backlog(events, grid, r), seq(), "left")
        .join(TimingMetrics.firstResponse(events, r), seq(), "left")
        .join(TimingMetrics.resolution(events, r), seq(), "left")
        .join(SlaMetrics.sla(events, r), seq(), "left")
        .join(SatisfactionMetrics.ratings(in.feedback(), in.requestCategories(), r), seq(), "left")
        .join(SatisfactionMetrics.feedbackRate(events, in.feedbackByRequest(), r).drop("closed_n"), seq(), "left")
        .join(ReopenMetrics.reopened(events, r), seq(), "left")
        .join(ReopenMetrics.closedPrevious30(events, grid, r), seq(), "left")
        .join(AnomalyMetrics.anomalies(dense, r), seq(), "left");
    out = zeroFill(out, ZERO_FILLED)
        .withColumn("sla_compliance", expr("CASE WHEN sla_due > 0 THEN sla_met / sla_due END"))
        .withColumn("reopen_rate", expr("CASE WHEN closed_prev30 > 0 THEN reopened / closed_prev30 END"))
        .withColumn("anomaly_flag", coalesce(col("anomaly_flag"), lit(false)))
        .join(holidayNames(in.spark(), r, holidays), scala.jdk.javaapi.CollectionConverters.asScala(List.of("date")).toList(), "left");
    return out.selectExpr(COLUMNS.toArray(new String[0]));
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

  private static scala.collection.immutable.Seq<String> seq() {
    return scala.jdk.javaapi.CollectionConverters.asScala(KEYS).toList();
  }
}
