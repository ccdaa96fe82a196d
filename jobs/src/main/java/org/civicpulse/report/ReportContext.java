package org.civicpulse.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
  private final Map<String, CsvTable> csv = new LinkedHashMap<>();

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
  }

  /** Adds rows to data/&lt;file&gt;; the first call fixes the header. */
  void csv(String file, List<String> header, List<List<String>> rows) {
    csv.computeIfAbsent(file, f -> new CsvTable(List.copyOf(header), new ArrayList<>())).rows().addAll(rows);
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
