package org.civicpulse.dashboard;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
 * {@link EquityIndex} turns the few hundred sums into the rows; a second scan for exact medians runs only when a
 * community is flagged.
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
    List<EquityIndex.Cell> cells = sums(requests, d, settings.windowDays());
    List<EquityIndex.Community> facts = communities(communities, openAtEnd);
    EquityIndex.Result result = EquityIndex.compute(cells, facts, Map.of(), settings.minClosed());
    Set<String> flagged = new TreeSet<>();
    result.communities().stream().filter(EquityIndex.Row::flagged).forEach(r -> flagged.add(r.community()));
    if (!flagged.isEmpty()) {
      // Exact medians cost more than every sum together (each closure's hours kept per group: 2 of 3.5 s at 10m
      // requests), and only the flagged communities' category table shows them: computed when someone is flagged.
      WindowMedians medians = medians(requests, d, settings.windowDays(), flagged);
      result = EquityIndex.compute(medians.into(cells), facts, medians.city(), settings.minClosed());
    }
    SparkSession spark = requests.sparkSession();
    return new Marts(spark.createDataFrame(equityRows(result, d, settings), EQUITY_SCHEMA).coalesce(1),
        spark.createDataFrame(categoryRows(result, d), CATEGORIES_SCHEMA).coalesce(1));
  }

  /** Median hours of the closures of some communities' cells (community → category → hours) and of the city's. */
  record WindowMedians(Map<String, Map<String, Double>> cells, Map<String, Double> city) {
    /** The cells with their median where this holds one (the others keep theirs). */
    List<EquityIndex.Cell> into(List<EquityIndex.Cell> in) {
      List<EquityIndex.Cell> out = new ArrayList<>();
      for (EquityIndex.Cell c : in) {
        Double m = cells.getOrDefault(c.community(), Map.of()).get(c.category());
        out.add(m == null ? c : new EquityIndex.Cell(c.community(), c.category(), c.created(), c.closed(), c.sumLog(),
            c.sumLogSq(), c.withDue(), c.onTime(), m));
      }
      return out;
    }
  }

  /**
   * The window's requests as rows of community, category, created_at, closed_at, due_at, hours and is_closed
   * (status closed, closed in the window, closed_at ≥ created_at): those created or closed in the window, up to
   * its last day. Requests without an area or a category belong to no community and are left out.
   */
  private static String windowRows(LocalDate d, int windowDays) {
    String from = "DATE'" + d.minusDays(windowDays - 1) + "'";
    String to = "DATE'" + d + "'";
    return "(SELECT community_id, category, created_at, closed_at, due_at,"
        + "   (unix_micros(closed_at) - unix_micros(created_at)) / 3600000000D AS hours,"
        + "   to_date(created_at) >= " + from + " AS created_in_window,"
        + "   coalesce(status = 'closed' AND closed_at >= created_at"
        + "     AND to_date(closed_at) BETWEEN " + from + " AND " + to + ", false) AS is_closed"
        + "   FROM {requests} WHERE community_id IS NOT NULL AND category IS NOT NULL"
        + "     AND to_date(created_at) <= " + to + " AND (to_date(created_at) >= " + from
        + "     OR to_date(closed_at) >= " + from + "))";
  }

  /**
   * One pass over the window's requests: per cell (community, then category order) the requests created, and of
   * the closures the count, Σ ln(h + 1), Σ ln(h + 1)², those with a due time and those closed by it. Medians are
   * left NaN ({@link #medians}).
   */
  static List<EquityIndex.Cell> sums(Dataset<Row> requests, LocalDate d, int windowDays) {
    List<EquityIndex.Cell> cells = new ArrayList<>();
    for (Row r : BoundSql.of("SELECT community_id, category,"
        + " sum(CASE WHEN created_in_window THEN 1 ELSE 0 END) AS created,"
        + " sum(CASE WHEN is_closed THEN 1 ELSE 0 END) AS closed,"
        + " sum(CASE WHEN is_closed THEN ln(hours + 1) ELSE 0 END) AS sum_log,"
        + " sum(CASE WHEN is_closed THEN ln(hours + 1) * ln(hours + 1) ELSE 0 END) AS sum_log_sq,"
        + " sum(CASE WHEN is_closed AND due_at IS NOT NULL THEN 1 ELSE 0 END) AS with_due,"
        + " sum(CASE WHEN is_closed AND closed_at <= due_at THEN 1 ELSE 0 END) AS on_time"
        + " FROM " + windowRows(d, windowDays) + " GROUP BY community_id, category")
        .with("requests", requests).run().collectAsList()) {
      cells.add(new EquityIndex.Cell(r.getString(0), r.getString(1), r.getLong(2), r.getLong(3), r.getDouble(4),
          r.getDouble(5), r.getLong(6), r.getLong(7), Double.NaN));
    }
    cells.sort(java.util.Comparator.comparing(EquityIndex.Cell::community).thenComparing(EquityIndex.Cell::category));
    return cells;
  }

  /** Exact median hours of the window's closures per cell of {@code communities}, and per category city-wide. */
  static WindowMedians medians(Dataset<Row> requests, LocalDate d, int windowDays, Set<String> communities) {
    String in = communities.stream().map(c -> "'" + c.replace("'", "''") + "'").collect(Collectors.joining(", "));
    Map<String, Map<String, Double>> cells = new HashMap<>();
    Map<String, Double> city = new HashMap<>();
    for (Row r : BoundSql.of("SELECT CASE WHEN community_id IN (" + in + ") THEN community_id END AS community,"
        + " category, grouping_id() AS level, percentile(hours, 0.5) AS median_hours"
        + " FROM " + windowRows(d, windowDays) + " WHERE is_closed"
        + " GROUP BY GROUPING SETS ((CASE WHEN community_id IN (" + in + ") THEN community_id END, category), (category))")
        .with("requests", requests).run().collectAsList()) {
      if (r.getLong(2) != 0) {
        city.put(r.getString(1), r.getDouble(3));
      } else if (!r.isNullAt(0)) {
        cells.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(1), r.getDouble(3));
      }
    }
    return new WindowMedians(cells, city);
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
