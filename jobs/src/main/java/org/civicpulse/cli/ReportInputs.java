package org.civicpulse.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.civicpulse.dashboard.DateRange;
import org.civicpulse.dashboard.Marts;
import org.civicpulse.ingest.InputException;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.lake.TablesawConverter;
import org.civicpulse.report.ForecastData;
import org.civicpulse.report.ReportData;
import org.civicpulse.report.SourceCoverage;
import org.civicpulse.schema.Schemas;
import tech.tablesaw.api.Table;

/** Wires the dashboard's marts into the report stage's input: the slices one dated report shows. */
final class ReportInputs {
  /** Days of daily rows a report carries (90 shown, plus a month for week-over-week and trends). */
  static final int DAYS = 120;

  private final DeltaStore store;
  private final Lake lake;
  private final ZoneId zone;

  ReportInputs(DeltaStore store, Lake lake, ZoneId zone) {
    this.store = store;
    this.lake = lake;
    this.zone = zone;
  }

  /** The latest date kpis_daily holds: the default report date. */
  LocalDate latestDate() {
    requireMarts();
    Row r = store.read(lake.mart(Marts.KPIS_DAILY), null).selectExpr("max(date)").first();
    if (r.isNullAt(0)) {
      throw new InputException("kpis_daily is empty: run `dashboard` first");
    }
    return ((java.sql.Date) r.get(0)).toLocalDate();
  }

  ReportData load(LocalDate d, String title, String lang) {
    requireMarts();
    DateRange window = new DateRange(d.minusDays(DAYS - 1), d);
    DateRange day = new DateRange(d, d);
    return new ReportData(d, title, lang,
        mart(Marts.KPIS_DAILY, window, false),
        mart(Marts.VOLUME_BY_CHANNEL, window, false),
        mart(Marts.PARTICIPATION_DAILY, window, false),
        mart(Marts.PROVIDERS, day, true),
        mart(Marts.SCORES, window, false),
        mart(Marts.WORKLIST, day, true),
        mart(Marts.HOTSPOTS, day, true),
        curated(Schemas.COMMUNITIES),
        curated(Schemas.CATEGORIES),
        coverage());
  }

  /** Each source's curated table and the timestamp column whose local day dates its rows. */
  private static final java.util.Map<String, String[]> SOURCE_TABLES = java.util.Map.of(
      "requests", new String[] {Schemas.SERVICE_REQUESTS, "created_at"},
      "feedback", new String[] {Schemas.FEEDBACK, "submitted_at"},
      "participation", new String[] {Schemas.PARTICIPATION, "occurred_at"});

  /**
   * First and last local day and row count of each source (the session's time zone is the configured one).
   * Delta answers min, max and count from its file statistics where it can, so this stays cheap on a big lake.
   */
  java.util.List<SourceCoverage> coverage() {
    java.util.List<SourceCoverage> out = new java.util.ArrayList<>();
    for (String source : SourceCoverage.SOURCES) {
      String[] t = SOURCE_TABLES.get(source);
      if (!store.exists(lake.curated(t[0]))) {
        out.add(SourceCoverage.empty(source));
        continue;
      }
      Row r = store.read(lake.curated(t[0]), null)
          .selectExpr("to_date(min(" + t[1] + "))", "to_date(max(" + t[1] + "))", "count(*)").first();
      out.add(r.isNullAt(0) ? SourceCoverage.empty(source)
          : new SourceCoverage(source, r.getDate(0).toLocalDate(), r.getDate(1).toLocalDate(), r.getLong(2)));
    }
    return out;
  }

  /** The forecast marts DESIGN §5 writes, in ForecastData's order. */
  static final java.util.List<String> FORECAST_MARTS = java.util.List.of("weekly_demand", "forecasts",
      "forecast_accuracy", "service_points", "capacity", "risers");

  /** The ISO week of a date as the forecast marts spell it, e.g. 2025-W52. */
  static String isoWeek(LocalDate d) {
    return String.format(java.util.Locale.ROOT, "%d-W%02d", d.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
        d.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /**
   * The forecast marts of the newest as_of_week at or before d's ISO week, or null when the lake has no
   * forecasts table or no such week (the report then has no forecast section).
   */
  ForecastData loadForecast(LocalDate d) {
    if (!store.exists(lake.mart("forecasts"))) {
      return null;
    }
    String week = isoWeek(d);
    Row r = store.read(lake.mart("forecasts"), null).filter(functions.col("as_of_week").leq(week))
        .selectExpr("max(as_of_week)").first();
    if (r.isNullAt(0)) {
      return null;
    }
    String asOf = r.getString(0);
    Table[] t = new Table[FORECAST_MARTS.size()];
    for (int i = 0; i < t.length; i++) {
      String name = FORECAST_MARTS.get(i);
      t[i] = !store.exists(lake.mart(name)) ? Table.create(name)
          : TablesawConverter.toTable(name,
              store.read(lake.mart(name), null).filter(functions.col("as_of_week").equalTo(asOf)), zone);
    }
    return new ForecastData(asOf, t[0], t[1], t[2], t[3], t[4], t[5]);
  }

  private void requireMarts() {
    if (!store.exists(lake.mart(Marts.KPIS_DAILY))) {
      throw new InputException("no marts in " + lake.root() + ": run `dashboard` first");
    }
  }

  /** A mart's rows in the range; one-day marts drop their date column (the report's date says it). */
  private Table mart(String name, DateRange r, boolean dropDate) {
    if (!store.exists(lake.mart(name))) {
      return Table.create(name);
    }
    Dataset<Row> rows = store.read(lake.mart(name), null).filter(r.predicate());
    if (dropDate) {
      rows = rows.drop("date");
    }
    return TablesawConverter.toTable(name, rows, zone);
  }

  private Table curated(String table) {
    Dataset<Row> rows = store.read(lake.curated(table), Schemas.get(table).sparkSchema()).orderBy(Schemas.get(table).key());
    return TablesawConverter.toTable(table, rows, zone);
  }
}
