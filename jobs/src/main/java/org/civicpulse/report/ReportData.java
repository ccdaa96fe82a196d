package org.civicpulse.report;

import java.time.LocalDate;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Everything one dated report shows; tables are Tablesaw Tables with the columns below. Any table may be empty.
 * coverage: the days each source has data for (empty when unknown: the pages then show no coverage strip).
 * equity, equityCategories: the equity marts of the report date (null or empty when the lake has none).
 */
public record ReportData(LocalDate date, String title, String lang /* "zh" or "en" */,
    Table kpisDaily, Table volumeByChannel, Table participation, Table providers, Table scores,
    Table worklist, Table hotspots, Table communities, Table categories, List<SourceCoverage> coverage,
    Table equity, Table equityCategories) {

  /** Without the equity marts. */
  public ReportData(LocalDate date, String title, String lang, Table kpisDaily, Table volumeByChannel,
      Table participation, Table providers, Table scores, Table worklist, Table hotspots, Table communities,
      Table categories, List<SourceCoverage> coverage) {
    this(date, title, lang, kpisDaily, volumeByChannel, participation, providers, scores, worklist, hotspots,
        communities, categories, coverage, null, null);
  }

  /** Without coverage. */
  public ReportData(LocalDate date, String title, String lang, Table kpisDaily, Table volumeByChannel,
      Table participation, Table providers, Table scores, Table worklist, Table hotspots, Table communities,
      Table categories) {
    this(date, title, lang, kpisDaily, volumeByChannel, participation, providers, scores, worklist, hotspots,
        communities, categories, List.of());
  }

  public ReportData {
    coverage = coverage == null ? List.of() : List.copyOf(coverage);
  }
}
