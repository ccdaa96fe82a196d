package org.civicpulse.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.forecast.models.IsoWeek;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.schema.Marts;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two communities × two categories, 2023-W01 … 2024-W52 (104 weeks), one request per unit on each Wednesday
 * noon: C1/a = 3 + i mod 4, C1/b = 1 (never closed), C2/a = 2, C2/b = i mod 2 (i = week index from 0).
 */
class LakeForecastTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final IsoWeek FIRST = IsoWeek.parse("2023-W01");
  private static final IsoWeek AS_OF = IsoWeek.parse("2024-W52");
  private static final LakeForecast.Settings SETTINGS = new LakeForecast.Settings(AS_OF, 2, 13, 13, 3, 50);

  @TempDir Path dir;

  @Test
  void forecastsReconcilesAndWritesTheMarts() {
    SparkSession spark = SharedSpark.get();
    DeltaStore store = new DeltaStore(spark);
    Lake lake = new Lake(dir);
    List<Row> rows = fixture(List.of());
    store.append(spark.createDataFrame(rows, Schemas.get(Schemas.SERVICE_REQUESTS).sparkSchema()),
        lake.curated(Schemas.SERVICE_REQUESTS), null);
    store.append(spark.createDataFrame(events(rows), Schemas.get(Schemas.REQUEST_EVENTS).sparkSchema()),
        lake.curated(Schemas.REQUEST_EVENTS), null);
    LakeForecast.Summary s = new LakeForecast(store, lake, m -> {}).run(SETTINGS);
    assertThat(s.series()).isEqualTo(9);
    assertThat(s.asOf()).isEqualTo(AS_OF);

    Dataset<Row> demand = mart(spark, lake, Marts.WEEKLY_DEMAND);
    assertThat(demand.count()).isEqualTo(9 * 104);
    assertThat(demand.selectExpr("level", "community_id", "category").distinct().count()).isEqualTo(9);
    // 2023-W01 (i=0): 3 + 1 + 2 + 0 = 6; 2024-W52 (i=103): 6 + 1 + 2 + 1 = 10; C1 in 2023-W01: 3 + 1 = 4.
    assertThat(requests(demand, "area", "ALL", "ALL", "2023-W01")).isEqualTo(6);
    assertThat(requests(demand, "area", "ALL", "ALL", "2024-W52")).isEqualTo(10);
    assertThat(requests(demand, "community", "C1", "ALL", "2023-W01")).isEqualTo(4);
    assertThat(requests(demand, "category", "ALL", "a", "2023-W02")).isEqualTo(6);

    Dataset<Row> forecasts = mart(spark, lake, Marts.FORECASTS);
    assertThat(forecasts.where("model = 'chosen'").count()).isEqualTo(9 * 13);
    assertThat(forecasts.where("model = 'snaive'").count()).isEqualTo(9 * 13);
    assertThat(forecasts.where("model = 'chosen'").selectExpr("min(week)", "max(week)").first().toString())
        .isEqualTo("[2025-W01,2025-W13]");
    Map<String, Double> sums = new HashMap<>();
    Map<String, Double> rollups = new HashMap<>();
    for (Row r : forecasts.where("model = 'chosen'").collectAsList()) {
      String level = r.getAs("level");
      String week = r.getAs("week");
      double f = r.getAs("forecast");
      if (level.equals("cell")) {
        sums.merge("area|" + week, f, Double::sum);
        sums.merge("community|" + r.getAs("community_id") + "|" + week, f, Double::sum);
        sums.merge("category|" + r.getAs("category") + "|" + week, f, Double::sum);
      } else {
        String key = level.equals("area") ? "area|" + week : level.equals("community")
            ? "community|" + r.getAs("community_id") + "|" + week : "category|" + r.getAs("category") + "|" + week;
        rollups.put(key, f);
        assertThat((double) r.getAs("lo80")).isLessThanOrEqualTo(f);
        assertThat((double) r.getAs("hi95")).isGreaterThanOrEqualTo(f);
      }
    }
    assertThat(rollups).hasSize(5 * 13);
    rollups.forEach((k, v) -> assertThat(v).as(k).isCloseTo(sums.get(k), within(1e-9)));

    Dataset<Row> accuracy = mart(spark, lake, Marts.FORECAST_ACCURACY);
    assertThat(accuracy.where("model = 'chosen'").count()).isEqualTo(9);
    assertThat(accuracy.where("model = 'snaive'").count()).isEqualTo(9);

    // Capacity: backlog at 2024-12-30 00:00 from the events. C1: the 104 never-closed C1/b requests, less the
    // one closed exactly at that instant (closed at t is not open at t) = 103. C2: its last request, closed on
    // 2024-12-26 and reopened on 12-27, = 1. Closures over 2024-W45…W52 = C1/a's 8 weeks (24 + 2·(0+1+2+3) = 36
    // → 4.5 a week); C2: 16 + 4 = 20 → 2.5. Threshold 50 is crossed at once by C1.
    Dataset<Row> capacity = mart(spark, lake, Marts.CAPACITY);
    assertThat(capacity.count()).isEqualTo(2 * 13);
    Row c1 = capacity.where("community_id = 'C1' and week = '2025-W01'").first();
    assertThat((double) c1.getAs("closures_per_week")).isEqualTo(4.5);
    assertThat((double) c1.getAs("projected_backlog")).as("C1 backlog 103 + intake − closures")
        .isCloseTo(Math.max(0, 103 + (double) c1.getAs("intake_forecast") - 4.5), within(1e-9));
    assertThat((String) c1.getAs("crossing_week")).isEqualTo("2025-W01");
    Row c2 = capacity.where("community_id = 'C2' and week = '2025-W01'").first();
    assertThat((double) c2.getAs("closures_per_week")).isEqualTo(2.5);
    assertThat((double) c2.getAs("projected_backlog")).as("C2 backlog 1 (the reopened request) + intake − closures")
        .isCloseTo(Math.max(0, 1 + (double) c2.getAs("intake_forecast") - 2.5), within(1e-9));

    // Risers: C1/b had exactly 13 requests in 2024-W01…W13.
    Row riser = mart(spark, lake, Marts.RISERS).where("level = 'cell' and community_id = 'C1' and category = 'b'").first();
    assertThat((double) riser.getAs("same_13w_last_year")).isEqualTo(13);
    assertThat(mart(spark, lake, Marts.RISERS).count()).isEqualTo(8);
    // Service points at threshold 3: C1/a (3…6 a week) surely; C1/b (1) and C2/a (2) never.
    assertThat(mart(spark, lake, Marts.SERVICE_POINTS).where("category = 'b' or community_id = 'C2'").count()).isZero();

    // Rerun of the same as-of week replaces its rows; a huge count planted after the as-of week changes nothing.
    List<Row> forecastBefore = forecasts.where("model = 'chosen'").orderBy("level", "community_id", "category", "week").collectAsList();
    store.append(spark.createDataFrame(fixture(List.of(IsoWeek.parse("2025-W02"))),
        Schemas.get(Schemas.SERVICE_REQUESTS).sparkSchema()).where("created_at >= timestamp'2025-01-01 00:00:00'"),
        lake.curated(Schemas.SERVICE_REQUESTS), null);
    new LakeForecast(store, lake, m -> {}).run(SETTINGS);
    assertThat(mart(spark, lake, Marts.WEEKLY_DEMAND).count()).isEqualTo(9 * 104);
    assertThat(mart(spark, lake, Marts.FORECASTS).count()).isEqualTo(2 * 9 * 13);
    assertThat(mart(spark, lake, Marts.FORECASTS).where("model = 'chosen'")
        .orderBy("level", "community_id", "category", "week").collectAsList()).isEqualTo(forecastBefore);
  }

  private static Dataset<Row> mart(SparkSession spark, Lake lake, String name) {
    return spark.read().format("delta").load(lake.mart(name).toString());
  }

  private static long requests(Dataset<Row> demand, String level, String community, String category, String week) {
    return demand.where("level = '" + level + "' and community_id = '" + community + "' and category = '" + category
        + "' and week = '" + week + "'").first().getAs("requests");
  }

  /** The fixture's requests, plus 1000 C1/a requests in each planted week. */
  private static List<Row> fixture(List<IsoWeek> planted) {
    TableSchema s = Schemas.get(Schemas.SERVICE_REQUESTS);
    List<Row> rows = new ArrayList<>();
    int id = 0;
    for (int i = 0; i < 104; i++) {
      LocalDateTime wed = FIRST.plusWeeks(i).monday().plusDays(2).atTime(12, 0);
      int[] counts = {3 + i % 4, 1, 2, i % 2};
      String[][] cells = {{"C1", "a"}, {"C1", "b"}, {"C2", "a"}, {"C2", "b"}};
      for (int c = 0; c < 4; c++) {
        for (int n = 0; n < counts[c]; n++) {
          boolean open = c == 1;
          rows.add(row(s, "r" + id++, cells[c], wed, open));
        }
      }
    }
    for (IsoWeek w : planted) {
      for (int n = 0; n < 1000; n++) {
        rows.add(row(s, "p" + id++, new String[] {"C1", "a"}, w.monday().plusDays(2).atTime(12, 0), true));
      }
    }
    return rows;
  }

  /**
   * request_events of the fixture's requests: created, and closed where closed_at is set; then the last C1/b
   * request closed at exactly 2024-12-30 00:00 and the last C2/a request reopened on 2024-12-27 09:00.
   */
  private static List<Row> events(List<Row> requests) {
    TableSchema s = Schemas.get(Schemas.SERVICE_REQUESTS);
    List<Row> out = new ArrayList<>();
    String lastC1b = null;
    Row lastC2a = null;
    for (Row r : requests) {
      String id = r.getString(s.fieldNames().indexOf("request_id"));
      String community = r.getString(s.fieldNames().indexOf("community_id"));
      String category = r.getString(s.fieldNames().indexOf("category"));
      Timestamp created = r.getTimestamp(s.fieldNames().indexOf("created_at"));
      Timestamp closed = r.getTimestamp(s.fieldNames().indexOf("closed_at"));
      out.add(event(id, "created", created, community, category, created));
      if (closed != null) {
        out.add(event(id, "closed", closed, community, category, created));
      }
      lastC1b = community.equals("C1") && category.equals("b") ? id : lastC1b;
      lastC2a = community.equals("C2") && category.equals("a") ? r : lastC2a;
    }
    out.add(event(lastC1b, "closed", ts(LocalDateTime.parse("2024-12-30T00:00")), "C1", "b", null));
    out.add(event(lastC2a.getString(s.fieldNames().indexOf("request_id")), "reopened",
        ts(LocalDateTime.parse("2024-12-27T09:00")), "C2", "a", null));
    return out;
  }

  private static Row event(String request, String type, Timestamp at, String community, String category, Timestamp created) {
    TableSchema e = Schemas.get(Schemas.REQUEST_EVENTS);
    Object[] v = new Object[e.sparkSchema().size()];
    List<String> names = e.fieldNames();
    v[names.indexOf("event_id")] = request + "-" + type + "-" + at.getTime();
    v[names.indexOf("request_id")] = request;
    v[names.indexOf("event_type")] = type;
    v[names.indexOf("event_time")] = at;
    v[names.indexOf("community_id")] = community;
    v[names.indexOf("category")] = category;
    v[names.indexOf("created_at")] = created;
    v[v.length - 1] = at.toLocalDateTime().toLocalDate().toString().substring(0, 7);
    return RowFactory.create(v);
  }

  private static Row row(TableSchema s, String id, String[] cell, LocalDateTime created, boolean open) {
    Object[] v = new Object[s.sparkSchema().size()];
    v[s.fieldNames().indexOf("request_id")] = id;
    v[s.fieldNames().indexOf("community_id")] = cell[0];
    v[s.fieldNames().indexOf("category")] = cell[1];
    v[s.fieldNames().indexOf("status")] = open ? "open" : "closed";
    v[s.fieldNames().indexOf("created_at")] = ts(created);
    v[s.fieldNames().indexOf("closed_at")] = open ? null : ts(created.plusDays(1));
    v[v.length - 1] = created.toLocalDate().toString().substring(0, 7);
    var fields = s.sparkSchema().fields();
    for (int i = 0; i < v.length; i++) {
      // Required columns the forecast does not read get a placeholder.
      if (v[i] == null && !fields[i].nullable()) {
        v[i] = fields[i].dataType() instanceof org.apache.spark.sql.types.StringType ? "x"
            : fields[i].dataType() instanceof org.apache.spark.sql.types.TimestampType ? ts(created)
            : fields[i].dataType() instanceof org.apache.spark.sql.types.IntegerType ? (Object) 0 : (Object) 0.0;
      }
    }
    return RowFactory.create(v);
  }

  private static Timestamp ts(LocalDateTime local) {
    return Timestamp.from(local.atZone(ZONE).toInstant());
  }
}
