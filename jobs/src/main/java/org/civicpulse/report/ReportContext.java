package org.civicpulse.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * What every page builder needs for one run: the data, the language, labels, targets, the chart
 * renderer, the staging folder, and the CSV tables collected while pages are built (one file per table
 * shown, with a scope column where a table appears on several pages).
 */
final class ReportContext {
  final ReportData data;
  final Messages m;
  final Labels labels;
  final Map<String, Double> targets;
  final ChartRenderer charts;
  final Path dir;
  final boolean forecastLink;
  final CoverageNotice coverage;
  private final Map<String, CsvTable> csv = new LinkedHashMap<>();
  /** kpisDaily rows of the window any page looks at (90-day charts plus 7 days for their first means). */
  final Table kpisRecent;
  private final Map<String, Table> kpis;
  private final Map<String, Table> scores;
  private final Map<String, Table> participation;
  private final Map<String, Table> channels;
  /** "date|community|category" → row of kpisRecent. */
  private final Map<String, Integer> kpiRow = new HashMap<>();

  /** Days of kpisDaily the pages read, report date included. */
  static final int KPI_WINDOW_DAYS = OverviewCharts.DAYS + 7;

  /** Header and rows of one data/*.csv file, filled page by page. */
  record CsvTable(List<String> header, List<List<String>> rows) {}

  ReportContext(ReportData data, Messages m, Map<String, Double> targets, Path dir, boolean forecastLink) {
    this.data = data;
    this.m = m;
    this.labels = new Labels(data, m);
    this.targets = targets;
    this.charts = new ChartRenderer(m.get("chart.nodata"));
    this.dir = dir;
    this.forecastLink = forecastLink;
    this.coverage = new CoverageNotice(m, data.date(), data.coverage());
    LocalDate d = data.date();
    LocalDate from = d.minusDays(KPI_WINDOW_DAYS - 1L);
    this.kpisRecent = Tables.between(data.kpisDaily(), "date", from, d);
    this.kpis = Tables.byCommunity(kpisRecent, "date", from, d);
    this.scores = Tables.byCommunity(data.scores(), "date", d.minusDays(OverviewCharts.DAYS - 1L), d);
    this.participation = Tables.byCommunity(data.participation(), "date", d.minusDays(7), d);
    this.channels = Tables.byCommunity(data.volumeByChannel(), "date", d.minusDays(OverviewCharts.CHANNEL_DAYS - 1L), d);
    for (int i = 0; i < kpisRecent.rowCount(); i++) {
      kpiRow.put(Tables.date(kpisRecent, "date", i) + "|" + Tables.str(kpisRecent, "community_id", i) + "|"
          + Tables.str(kpisRecent, "category", i), i);
    }
  }

  private static Table get(Map<String, Table> m, String scope) {
    Table t = m.get(scope);
    return t == null ? Table.create("empty") : t;
  }

  /** kpisDaily rows of one community (or ALL) within the window. */
  Table kpis(String scope) {
    return get(kpis, scope);
  }

  /** scores rows of one community (or ALL) over the last 90 days. */
  Table scores(String scope) {
    return get(scores, scope);
  }

  /** participation rows of one community (or ALL), report date and the week before. */
  Table participation(String scope) {
    return get(participation, scope);
  }

  /** volumeByChannel rows of one community (or ALL) over the channel-mix window. */
  Table channels(String scope) {
    return get(channels, scope);
  }

  /** One kpisDaily cell, or null when the row or the value is missing. */
  Double kpi(String community, String category, LocalDate date, String col) {
    Integer i = kpiRow.get(date + "|" + community + "|" + category);
    return i == null ? null : Tables.num(kpisRecent, col, i);
  }

  /** Adds rows to data/&lt;file&gt;; the first call fixes the header. */
  void csv(CsvFile file, List<String> header, List<List<String>> rows) {
    csv.computeIfAbsent(file.file, f -> new CsvTable(List.copyOf(header), new ArrayList<>())).rows().addAll(rows);
  }

  Map<String, CsvTable> csvTables() {
    return csv;
  }

  double target(String metric, double fallback) {
    Double t = targets.get(metric);
    return t == null ? fallback : t;
  }

  String footer() {
    return m.format("footer", data.date().toString());
  }
}
