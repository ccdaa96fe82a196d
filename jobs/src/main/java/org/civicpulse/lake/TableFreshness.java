package org.civicpulse.lake;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.civicpulse.schema.Marts;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;

/**
 * How far each lake table reaches in time, from Delta's file statistics or one column: the facts the report's
 * coverage note and {@code status} both read. A curated table reaches its time field's newest value; a daily
 * mart the end of its newest date; a forecast mart the end of its newest as-of week; a live mart its as_of.
 */
public final class TableFreshness {
  /** One table and the newest instant it covers (null: empty, or absent when {@code present} is false). */
  public record Reach(String table, boolean present, Instant newest) {}

  /** The curated tables that carry time: the facts. */
  public static final List<String> CURATED = List.of(Schemas.SERVICE_REQUESTS, Schemas.REQUEST_EVENTS, Schemas.FEEDBACK,
      Schemas.PARTICIPATION);

  private final SmallTableReader reader;
  private final Lake lake;
  private final ZoneId zone;

  public TableFreshness(SmallTableReader reader, Lake lake, ZoneId zone) {
    this.reader = reader;
    this.lake = lake;
    this.zone = zone;
  }

  /** First and last local day, rows and newest instant of a curated table's time field; null when absent or empty. */
  public SmallTableReader.Span curated(String table) {
    TableSchema s = Schemas.get(table);
    Path p = lake.curated(table);
    return s.timeField() == null || !reader.exists(p) ? null : reader.span(p, s.timeField());
  }

  /** Every curated fact table, then every mart the lake holds, sorted by name, and kpis_daily even when absent. */
  public List<Reach> all() {
    List<Reach> out = new ArrayList<>();
    for (String t : CURATED) {
      SmallTableReader.Span s = curated(t);
      out.add(new Reach("curated/" + t, reader.exists(lake.curated(t)), s == null ? null : s.newest()));
    }
    for (String m : marts()) {
      out.add(new Reach("marts/" + m, true, mart(m)));
    }
    if (!marts().contains(Marts.KPIS_DAILY)) {
      out.add(new Reach("marts/" + Marts.KPIS_DAILY, false, null));
    }
    return out;
  }

  /** The end of the newest day, week or snapshot a mart holds; null when it holds none. */
  Instant mart(String name) {
    Path p = lake.mart(name);
    if (Marts.FORECAST.contains(name)) {
      // ISO week text (2025-W52) sorts as the weeks do; its Sunday is day 7.
      return reader.distinct(p, "as_of_week").stream().max(String::compareTo)
          .map(w -> endOf(LocalDate.parse(w + "-7", DateTimeFormatter.ISO_WEEK_DATE))).orElse(null);
    }
    if (name.equals(Marts.LIVE_VOLUME) || name.equals(Marts.LIVE_BACKLOG) || name.equals(Marts.ALERTS)) {
      SmallTableReader.Span s = reader.span(p, "as_of");
      return s == null ? null : s.newest();
    }
    LocalDate d = reader.lastDay(p, "date");
    return d == null ? null : endOf(d);
  }

  private Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(zone).toInstant();
  }

  private List<String> marts() {
    File[] dirs = lake.marts().toFile().listFiles(f -> new File(f, "_delta_log").isDirectory());
    List<String> out = new ArrayList<>();
    for (File d : dirs == null ? new File[0] : dirs) {
      out.add(d.getName());
    }
    out.sort(null);
    return out;
  }
}
