package org.civicpulse.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.dashboard.BacklogMetrics;
import org.civicpulse.dashboard.DashboardInputs;
import org.civicpulse.dashboard.DateRange;
import org.civicpulse.dashboard.SatisfactionMetrics;
import org.civicpulse.dashboard.SlaMetrics;
import org.civicpulse.dashboard.TimingMetrics;
import org.civicpulse.dashboard.VolumeMetrics;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.lake.SparkSessions;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;

/**
 * civicpulse's side of the per-family timing: the dashboard package's own metric families, each collected on
 * its own straight from the Delta tables (no cache, like the peer's views over Parquet), so the two engines
 * run the same statement on the same files. Prints {@code spark family=<name> run=<i> ms=<n>}.
 */
public final class SparkFamilies {
  private SparkFamilies() {}

  public static void main(String[] argv) {
    BenchArgs a = BenchArgs.parse(argv);
    // The app's settings (SparkSessions, 8 shuffle partitions = the config's default).
    SparkSession spark = SparkSessions.create(a.timezone(), 8);
    DeltaStore store = new DeltaStore(spark);
    Lake lake = new Lake(a.lake());
    for (int run = 1; run <= a.repeat(); run++) {
      long t0 = System.nanoTime();
      DashboardInputs v = inputs(store, lake, a.range());
      for (Map.Entry<String, Supplier<Dataset<Row>>> f : families(v, a.range()).entrySet()) {
        long t = System.nanoTime();
        f.getValue().get().collectAsList();
        System.out.println("spark family=" + f.getKey() + " run=" + run + " ms=" + (System.nanoTime() - t) / 1_000_000);
      }
      System.out.println("spark total run=" + run + " ms=" + (System.nanoTime() - t0) / 1_000_000);
    }
    spark.stop();
  }

  /** The same families, in the same order, as {@link DuckMarts#families}. */
  static Map<String, Supplier<Dataset<Row>>> families(DashboardInputs v, DateRange r) {
    Map<String, Supplier<Dataset<Row>>> m = new LinkedHashMap<>();
    m.put("volume", () -> VolumeMetrics.volume(v.events(), r));
    m.put("backlog", () -> BacklogMetrics.backlog(v.events(), v.grid(), r));
    m.put("first_response", () -> TimingMetrics.firstResponse(v.events(), r));
    m.put("resolution", () -> TimingMetrics.resolution(v.events(), r));
    m.put("sla", () -> SlaMetrics.sla(v.events(), r));
    m.put("satisfaction", () -> SatisfactionMetrics.ratings(v.feedback(), v.requestCategories(), r));
    m.put("feedback_rate", () -> SatisfactionMetrics.feedbackRate(v.events(), v.feedbackByRequest(), r));
    return m;
  }

  /** DashboardJob's inputs without its cache: events pruned to month partitions up to the range's end. */
  private static DashboardInputs inputs(DeltaStore store, Lake lake, DateRange r) {
    String monthTo = String.format("%04d-%02d", r.to().getYear(), r.to().getMonthValue());
    Dataset<Row> events = read(store, lake, Schemas.REQUEST_EVENTS)
        .filter(org.apache.spark.sql.functions.col(TableSchema.MONTH_COLUMN).leq(monthTo));
    return new DashboardInputs(store.spark(), events, read(store, lake, Schemas.SERVICE_REQUESTS),
        read(store, lake, Schemas.FEEDBACK), read(store, lake, Schemas.PARTICIPATION), read(store, lake, Schemas.COMMUNITIES),
        read(store, lake, Schemas.CATEGORIES));
  }

  private static Dataset<Row> read(DeltaStore store, Lake lake, String table) {
    return store.read(lake.curated(table), Schemas.get(table).sparkSchema());
  }
}
