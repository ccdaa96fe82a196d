package org.civicpulse.dashboard;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.civicpulse.config.EquitySettings;
import org.civicpulse.stats.EquityIndex;

/**
 * The equity marts for the window of {@code windowDays} local days ending at D (docs/metrics.md, "Equity"):
 * Spark condenses the window's requests into per community × category sums in one scan, and
 * {@link EquityIndex} turns the few hundred sums into the rows.
 */
public final class EquityMetrics {
  /** Both marts for one day. */
  public record Marts(Dataset<Row> equity, Dataset<Row> categories) {}

  public static final StructType EQUITY_SCHEMA = new StructType()
      .add("date", DataTypes.DateType).add("community_id", DataTypes.StringType)
      .add("population", DataTypes.LongType).add("requests", DataTypes.LongType)
      .add("requests_per_1000", DataTypes.DoubleType).add("requests_per_1000_lo", DataTypes.DoubleType)
      .add("requests_per_1000_hi", DataTypes.DoubleType).add("closed", DataTypes.LongType)
      .add("open_past_due", DataTypes.LongType).add("open_past_due_share", DataTypes.DoubleType)
      .add("wait_index", DataTypes.DoubleType).add("wait_index_lo", DataTypes.DoubleType)
      .add("wait_index_hi", DataTypes.DoubleType).add("raw_gap", DataTypes.DoubleType)
      .add("mix_gap", DataTypes.DoubleType).add("on_time_observed", DataTypes.LongType)
      .add("on_time_expected", DataTypes.DoubleType).add("on_time_ratio", DataTypes.DoubleType)
      .add("on_time_ratio_lo", DataTypes.DoubleType).add("on_time_ratio_hi", DataTypes.DoubleType)
      .add("z", DataTypes.DoubleType).add("flagged", DataTypes.BooleanType).add("flag_reason", DataTypes.StringType)
      .add("wait_index_p90_p10", DataTypes.DoubleType).add("theil_requests_per_1000", DataTypes.DoubleType)
      .add("funnel_center", DataTypes.DoubleType).add("funnel_sd", DataTypes.DoubleType)
      .add("funnel_tau2", DataTypes.DoubleType)
      .add("window_days", DataTypes.IntegerType).add("min_closed", DataTypes.LongType);

  public static final StructType CATEGORIES_SCHEMA = new StructType()
      .add("date", DataTypes.DateType).add("community_id", DataTypes.StringType).add("category", DataTypes.StringType)
      .add("closed", DataTypes.LongType).add("median_hours", DataTypes.DoubleType)
      .add("city_median_hours", DataTypes.DoubleType).add("mean_r", DataTypes.DoubleType)
      .add("location_quotient", DataTypes.DoubleType);

  private EquityMetrics() {}

  /**
   * @param requests curated service_requests (any months: a request closed in the window may be older)
   * @param openAtEnd the requests open at the end of D with {@code community_id} and {@code is_overdue}
   *     ({@link BacklogMetrics#openDays} for D alone)
   * @param communities the communities reference table
   */
  public static Marts compute(Dataset<Row> requests, Dataset<Row> openAtEnd, Dataset<Row> communities, LocalDate d,
      EquitySettings settings) {
    WindowSums sums = sums(requests, d, settings.windowDays());
    EquityIndex.Result result = EquityIndex.compute(sums.cells(), communities(communities, openAtEnd),
        sums.cityMedianHours(), settings.minClosed());
    SparkSession spark = requests.sparkSession();
    return new Marts(spark.createDataFrame(equityRows(result, d, settings), EQUITY_SCHEMA).coalesce(1),
        spark.createDataFrame(categoryRows(result, d), CATEGORIES_SCHEMA).coalesce(1));
  }

  /** The cells of a window (community, then category order) and the city's median hours per category. */
  record WindowSums(List<EquityIndex.Cell> cells, Map<String, Double> cityMedianHours) {}

  /**
   * One pass over the requests created or closed in the window: per cell the requests created, and of the
   * closures (status closed, closed in the window, closed_at ≥ created_at) the count, Σ ln(h + 1), Σ ln(h + 1)²,
   * those with a due time, those closed by it and the median hours; per category the median hours alone.
   * Requests without an area or a category belong to no community and are left out.
   */
  static WindowSums sums(Dataset<Row> requests, LocalDate d, int windowDays) {
    String from = "DATE'" + d.minusDays(windowDays - 1) + "'";
    String to = "DATE'" + d + "'";
    List<Row> rows = BoundSql.of("SELECT community_id, category, grouping_id() AS level,"
        + " sum(CASE WHEN to_date(created_at) BETWEEN " + from + " AND " + to + " THEN 1 ELSE 0 END) AS created,"
        + " sum(CASE WHEN is_closed THEN 1 ELSE 0 END) AS closed,"
        + " sum(CASE WHEN is_closed THEN ln(hours + 1) ELSE 0 END) AS sum_log,"
        + " sum(CASE WHEN is_closed THEN ln(hours + 1) * ln(hours + 1) ELSE 0 END) AS sum_log_sq,"
        + " sum(CASE WHEN is_closed AND due_at IS NOT NULL THEN 1 ELSE 0 END) AS with_due,"
        + " sum(CASE WHEN is_closed AND closed_at <= due_at THEN 1 ELSE 0 END) AS on_time,"
        + " percentile(CASE WHEN is_closed THEN hours END, 0.5) AS median_hours"
        + " FROM (SELECT community_id, category, created_at, closed_at, due_at,"
        + "   (unix_micros(closed_at) - unix_micros(created_at)) / 3600000000D AS hours,"
        + "   coalesce(status = 'closed' AND closed_at >= created_at"
        + "     AND to_date(closed_at) BETWEEN " + from + " AND " + to + ", false) AS is_closed"
        + "   FROM {requests} WHERE community_id IS NOT NULL AND category IS NOT NULL"
        + "     AND to_date(created_at) <= " + to + " AND (to_date(created_at) >= " + from
        + "     OR to_date(closed_at) >= " + from + "))"
        + " GROUP BY GROUPING SETS ((community_id, category), (category))")
        .with("requests", requests).run().collectAsList();
    List<EquityIndex.Cell> cells = new ArrayList<>();
    Map<String, Double> cityMedian = new HashMap<>();
    for (Row r : rows) {
      if (r.getLong(2) == 0) {
        cells.add(new EquityIndex.Cell(r.getString(0), r.getString(1), r.getLong(3), r.getLong(4), r.getDouble(5),
            r.getDouble(6), r.getLong(7), r.getLong(8), r.isNullAt(9) ? Double.NaN : r.getDouble(9)));
      } else if (!r.isNullAt(9)) {
        cityMedian.put(r.getString(1), r.getDouble(9));
      }
    }
    cells.sort(java.util.Comparator.comparing(EquityIndex.Cell::community).thenComparing(EquityIndex.Cell::category));
    return new WindowSums(cells, cityMedian);
  }

  /** Every community of the reference table, in id order, with its population and open requests at the end. */
  private static List<EquityIndex.Community> communities(Dataset<Row> communities, Dataset<Row> openAtEnd) {
    Map<String, long[]> open = new HashMap<>();
    for (Row r : BoundSql.of("SELECT community_id, count(*), sum(CASE WHEN is_overdue THEN 1 ELSE 0 END)"
        + " FROM {open} GROUP BY community_id").with("open", openAtEnd).run().collectAsList()) {
      open.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
    }
    Map<String, Long> population = new LinkedHashMap<>();
    for (Row r : communities.selectExpr("community_id", "CAST(population AS BIGINT)").orderBy("community_id")
        .collectAsList()) {
      population.put(r.getString(0), r.isNullAt(1) || r.getLong(1) <= 0 ? null : r.getLong(1));
    }
    open.keySet().stream().sorted().forEach(c -> population.putIfAbsent(c, null));
    List<EquityIndex.Community> out = new ArrayList<>();
    population.forEach((id, p) -> {
      long[] o = open.getOrDefault(id, new long[2]);
      out.add(new EquityIndex.Community(id, p, o[0], o[1]));
    });
    return out;
  }

  private static List<Row> equityRows(EquityIndex.Result result, LocalDate d, EquitySettings settings) {
    List<Row> rows = new ArrayList<>();
    Date date = Date.valueOf(d);
    for (EquityIndex.Row r : result.communities()) {
      rows.add(RowFactory.create(date, r.community(), r.population(), r.requests(), r.requestsPer1000(),
          r.requestsPer1000Lo(), r.requestsPer1000Hi(), r.closed(), r.openPastDue(), r.openPastDueShare(),
          r.waitIndex(), r.waitIndexLo(), r.waitIndexHi(), r.rawGap(), r.mixGap(), r.onTimeObserved(),
          r.onTimeExpected(), r.onTimeRatio(), r.onTimeRatioLo(), r.onTimeRatioHi(), r.z(), r.flagged(),
          r.flagReason(), r.waitIndexP90P10(), r.theilRequestsPer1000(), r.funnelCenter(), r.funnelSd(), r.funnelTau2(),
          settings.windowDays(), settings.minClosed()));
    }
    return rows;
  }

  private static List<Row> categoryRows(EquityIndex.Result result, LocalDate d) {
    List<Row> rows = new ArrayList<>();
    Date date = Date.valueOf(d);
    for (EquityIndex.CategoryRow r : result.categories()) {
      rows.add(RowFactory.create(date, r.community(), r.category(), r.closed(),
          Double.isNaN(r.medianHours()) ? null : r.medianHours(), r.cityMedianHours(), r.meanR(),
          r.locationQuotient()));
    }
    return rows;
  }
}
