package org.civicpulse.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.civicpulse.lake.FileTrees;

/** Writes the daily section of a dated static report and republishes latest/ and the archive index. */
public final class ReportWriter {
  /** SLA compliance target drawn in the SLA chart when the caller passes none (docs/design-notes.md default). */
  public static final double DEFAULT_SLA_TARGET = 0.90;

  /** Top-level pages this section writes; other pages in an old dated folder (forecast*.html) are kept. */
  private static final Set<String> OWNED_PAGES = Set.of("index.html", "transparency.html", "equity.html",
      "worklist.html", "glossary.html");

  private ReportWriter() {}

  /** Same as {@link #write(ReportData, Path, Map)} with the default targets (SLA compliance 0.90). */
  public static Path write(ReportData data, Path outRoot) throws IOException {
    return write(data, outRoot, Map.of());
  }

  /**
   * Writes &lt;outRoot&gt;/&lt;date&gt;/ (staged in a hidden sibling, then renamed into place), replaces
   * &lt;outRoot&gt;/latest/ by a copy and rewrites &lt;outRoot&gt;/index.html.
   *
   * @param targets metric targets by metric name; "sla_compliance" draws the SLA target line
   *     (default {@link #DEFAULT_SLA_TARGET})
   * @return the dated index.html
   */
  public static Path write(ReportData data, Path outRoot, Map<String, Double> targets) throws IOException {
    return write(data, null, outRoot, targets);
  }

  /**
   * Same as {@link #write(ReportData, Path, Map)}, plus the forecast section (forecast.html,
   * decisions.html) when forecast is not null; when it is null, a forecast section an earlier run wrote
   * into the same dated folder is kept as it was.
   */
  public static Path write(ReportData data, ForecastData forecast, Path outRoot, Map<String, Double> targets)
      throws IOException {
    Objects.requireNonNull(data.date(), "report date");
    Messages m = Messages.load(data.lang());
    ReportData d = withTitle(data, m);
    ReportFolders.recover(outRoot);
    String name = d.date().toString();
    Path oldDated = outRoot.resolve(name);
    Path staging = ReportFolders.stage(outRoot, name);
    try {
      boolean link = forecast != null || Files.exists(oldDated.resolve("forecast.html"));
      ReportContext ctx = new ReportContext(d, m, targets == null ? Map.of() : targets, staging, link);
      try (ChartRenderer charts = ctx.charts) {
        if (forecast != null) {
          ForecastPage.write(ctx, forecast);
        }
        writePages(ctx);
        writeCsv(ctx);
        charts.finish();
      }
      ReportFolders.carryOver(oldDated, staging,
          rel -> owned(rel) || (forecast != null && ForecastPage.owned(rel)));
      Path dated = ReportFolders.swapIn(outRoot, name, staging);
      ReportFolders.replaceLatest(outRoot, dated);
      ReportFolders.writeAtomically(outRoot.resolve("index.html"),
          ArchiveIndexPage.build(m, d.title(), ReportFolders.datedReports(outRoot)));
      return dated.resolve("index.html");
    } finally {
      // After a successful swap the staging path no longer exists; after a failure it is half written.
      FileTrees.delete(staging);
    }
  }

  private static ReportData withTitle(ReportData d, Messages m) {
    if (d.title() != null && !d.title().isBlank()) {
      return d;
    }
    return new ReportData(d.date(), m.get("report.title"), d.lang(), d.kpisDaily(), d.volumeByChannel(),
        d.participation(), d.providers(), d.scores(), d.worklist(), d.hotspots(), d.communities(), d.categories(),
        d.coverage(), d.equity(), d.equityCategories());
  }

  /** Files this section produces; anything else in a previous dated folder belongs to another section. */
  static boolean owned(String rel) {
    if (OWNED_PAGES.contains(rel) || (rel.startsWith("community-") && rel.endsWith(".html"))) {
      return true;
    }
    if (rel.startsWith("charts/daily-")) {
      return true;
    }
    return CsvFile.ownedBy(false, rel);
  }

  private static void writePages(ReportContext ctx) throws IOException {
    page(ctx, "index.html", OverviewPage.build(ctx, Labels.ALL));
    for (String c : ctx.labels.communityIds()) {
      page(ctx, OverviewPage.file(c), OverviewPage.build(ctx, c));
    }
    page(ctx, "transparency.html", TransparencyPage.build(ctx));
    page(ctx, "equity.html", EquityPage.build(ctx));
    page(ctx, "worklist.html", WorklistPage.build(ctx));
    page(ctx, "glossary.html", GlossaryPage.build(ctx));
  }

  private static void page(ReportContext ctx, String file, String html) throws IOException {
    Files.writeString(ctx.dir.resolve(file), html, StandardCharsets.UTF_8);
  }

  private static void writeCsv(ReportContext ctx) throws IOException {
    Path data = ctx.dir.resolve("data");
    List<String> header = new ArrayList<>();
    List<List<String>> rows = CsvExporter.kpisDaily(ctx.data.kpisDaily(), ctx.data.date(), header);
    CsvExporter.write(data.resolve(CsvFile.KPIS_DAILY.file), header, rows);
    CsvExporter.writeTable(data.resolve(CsvFile.HOTSPOTS.file), ctx.data.hotspots());
    java.time.LocalDate from = ctx.data.date().minusDays(CsvExporter.KPI_DAYS - 1L);
    CsvExporter.writeTable(data.resolve(CsvFile.VOLUME_BY_CHANNEL.file),
        Tables.between(ctx.data.volumeByChannel(), "date", from, ctx.data.date()));
    CsvExporter.writeTable(data.resolve(CsvFile.SCORES.file),
        Tables.between(ctx.data.scores(), "date", from, ctx.data.date()));
    CsvExporter.writeTable(data.resolve(CsvFile.PARTICIPATION.file),
        Tables.between(ctx.data.participation(), "date", from, ctx.data.date()));
    if (!ctx.data.coverage().isEmpty()) {
      CsvExporter.write(data.resolve(CsvFile.COVERAGE.file), CoverageNotice.CSV_HEADER, ctx.coverage.csvRows());
    }
    for (Map.Entry<String, ReportContext.CsvTable> e : ctx.csvTables().entrySet()) {
      CsvExporter.write(data.resolve(e.getKey()), e.getValue().header(), e.getValue().rows());
    }
  }
}
