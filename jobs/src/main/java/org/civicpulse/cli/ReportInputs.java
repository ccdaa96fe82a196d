package org.civicpulse.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.civicpulse.dashboard.DateRange;
import org.civicpulse.ingest.InputException;
import org.civicpulse.lake.Lake;
import org.civicpulse.lake.SmallTableReader;
import org.civicpulse.lake.TableFreshness;
import org.civicpulse.report.ForecastData;
import org.civicpulse.report.ReportData;
import org.civicpulse.report.SourceCoverage;
import org.civicpulse.schema.Marts;
import org.civicpulse.schema.Schemas;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Wires the dashboard's marts into the report stage's input: the slices one dated report shows. Read with Delta
 * Kernel in this JVM (SmallTableReader): a report needs no Spark job.
 */
final class ReportInputs {
  /** Days of daily rows a report carries (90 shown, plus a month for week-over-week and trends). */
  static final int DAYS = 120;

  private final SmallTableReader reader;
  private final TableFreshness freshness;
  private final Lake lake;

  ReportInputs(Lake lake, ZoneId zone) {
    this.reader = new SmallTableReader(zone);
    this.freshness = new TableFreshness(reader, lake, zone);
    this.lake = lake;
  }

  /** The latest date kpis_daily holds: the default report date. */
  LocalDate latestDate() {
    requireMarts();
    LocalDate last = reader.lastDay(lake.mart(Marts.KPIS_DAILY), "date");
    if (last == null) {
      throw new InputException("kpis_daily is empty: run `dashboard` first");
    }
    return last;
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
        coverage(),
        mart(Marts.EQUITY, day, true),
        mart(Marts.EQUITY_CATEGORIES, day, true));
  }

  /** Each source's curated table (dated by its schema's time field). */
  private static final Map<String, String> SOURCE_TABLES = Map.of("requests", Schemas.SERVICE_REQUESTS,
      "feedback", Schemas.FEEDBACK, "participation", Schemas.PARTICIPATION);

  /** First and last local day and row count of each source, from Delta's file statistics (cheap on a big lake). */
  List<SourceCoverage> coverage() {
    List<SourceCoverage> out = new ArrayList<>();
    for (String source : SourceCoverage.SOURCES) {
      SmallTableReader.Span s = freshness.curated(SOURCE_TABLES.get(source));
      out.add(s == null ? SourceCoverage.empty(source) : new SourceCoverage(source, s.first(), s.last(), s.rows()));
    }
    return out;
  }

  /** The forecast marts (docs/forecast.md), in ForecastData's order. */
  
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
    if (!reader.exists(lake.mart(Marts.FORECASTS))) {
      return null;
    }
    String week = isoWeek(d);
    String asOf = reader.distinct(lake.mart(Marts.FORECASTS), "as_of_week").stream()
        .filter(w -> w.compareTo(week) <= 0).max(Comparator.naturalOrder()).orElse(null);
    if (asOf == null) {
      return null;
    }
    Table[] t = new Table[Marts.FORECAST.size()];
    for (int i = 0; i < t.length; i++) {
      String name = Marts.FORECAST.get(i);
      t[i] = reader.exists(lake.mart(name))
          ? reader.read(name, lake.mart(name), SmallTableReader.Filter.equalTo("as_of_week", asOf)) : Table.create(name);
    }
    return new ForecastData(asOf, t[0], t[1], t[2], t[3], t[4], t[5]);
  }

  private void requireMarts() {
    if (!reader.exists(lake.mart(Marts.KPIS_DAILY))) {
      throw new InputException("no marts in " + lake.root() + ": run `dashboard` first");
    }
  }

  /** A mart's rows in the range; one-day marts drop their date column (the report's date says it). */
  private Table mart(String name, DateRange r, boolean dropDate) {
    if (!reader.exists(lake.mart(name))) {
      return Table.create(name);
    }
    Table rows = reader.read(name, lake.mart(name), SmallTableReader.Filter.dateBetween("date", r.from(), r.to()));
    return dropDate ? rows.removeColumns("date") : rows;
  }

  /** A reference table in key order (absent: empty, with the schema's columns). */
  private Table curated(String table) {
    if (!reader.exists(lake.curated(table))) {
      Table empty = Table.create(table);
      for (String c : Schemas.get(table).fieldNames()) {
        empty.addColumns(StringColumn.create(c));
      }
      return empty;
    }
    return reader.read(table, lake.curated(table)).sortAscendingOn(Schemas.get(table).key());
  }
}
