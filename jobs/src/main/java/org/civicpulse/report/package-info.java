/**
 * The report stage: turns the daily marts (handed over as Tablesaw tables in {@link
 * org.civicpulse.report.ReportData}) into a static, offline report folder.
 *
 * <p>Entry point: {@link org.civicpulse.report.ReportWriter#write}. Pieces: {@code Html}/{@code Markup}
 * (escaping by default), {@code Messages} (zh/en bundles under resources/report/), {@code Formats},
 * {@code Tables} (tolerant Tablesaw reads), {@code Labels}, {@code KpiTiles}, {@code OverviewCharts},
 * {@code OverviewTables}, one builder per page ({@code OverviewPage}, {@code TransparencyPage},
 * {@code WorklistPage}, {@code GlossaryPage}, {@code ArchiveIndexPage}), {@code ChartRenderer}
 * (JFreeChart, 2x PNG), {@code CsvExporter} (UTF-8 with BOM) and {@code ReportFolders} (staging and
 * swaps by rename). No Spark here: README "Layout" keeps stages apart.
 */
package org.civicpulse.report;
