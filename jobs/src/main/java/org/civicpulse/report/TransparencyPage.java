package org.civicpulse.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.civicpulse.report.HtmlTable.Cell;
import tech.tablesaw.api.Table;

/**
 * transparency.html: each provider's record per category over the last 30 days. A published number
 * resting on fewer than 5 requests is replaced by "&lt;5" (docs/data.md), each on its own basis: volume on
 * requests, speed on closed requests, SLA on requests due, CSAT on ratings.
 */
final class TransparencyPage {
  static final int MIN_CELL = 5;
  static final String SUPPRESSED = "<5";

  private TransparencyPage() {}

  /** The value shown for a cell whose basis is n: suppressed under 5, else formatted. */
  static String guarded(Double n, String formatted) {
    return n == null || n < MIN_CELL ? SUPPRESSED : formatted;
  }

  static String build(ReportContext ctx) {
    Messages m = ctx.m;
    Table p = ctx.data.providers();
    List<Integer> idx = new ArrayList<>();
    if (p != null) {
      for (int i = 0; i < p.rowCount(); i++) {
        idx.add(i);
      }
    }
    idx.sort(Comparator.<Integer, String>comparing(i -> Tables.str(p, "provider_type", i))
        .thenComparing(i -> Tables.str(p, "provider_id", i)).thenComparing(i -> Tables.str(p, "category", i)));
    HtmlTable h = new HtmlTable().col(m.get("col.provider_type"), false).col(m.get("col.provider"), false)
        .col(m.get("col.category"), false).col(m.metric("volume"), true).col(m.metric("closed"), true)
        .col(m.metric("resolution_p50_h"), true).col(m.metric("resolution_p90_h"), true)
        .col(m.metric("sla_compliance"), true).col(m.metric("csat"), true).col(m.metric("feedback_n"), true);
    List<List<String>> csv = new ArrayList<>();
    for (int i : idx) {
      Double vol = Tables.num(p, "volume", i);
      Double closed = Tables.num(p, "closed", i);
      Double due = Tables.num(p, "sla_due", i);
      Double fb = Tables.num(p, "feedback_n", i);
      String type = Tables.str(p, "provider_type", i);
      String[] shown = {
          guarded(vol, Formats.count(vol)), guarded(closed, Formats.count(closed)),
          guarded(closed, Formats.dec(Tables.num(p, "resolution_p50_h", i), 1)),
          guarded(closed, Formats.dec(Tables.num(p, "resolution_p90_h", i), 1)),
          guarded(due, Formats.pct(Tables.num(p, "sla_compliance", i))),
          guarded(fb, Formats.pct(Tables.num(p, "csat", i))), guarded(fb, Formats.count(fb))};
      List<Cell> row = new ArrayList<>(List.of(Cell.of(OverviewCharts.label(m, "provider_type.", type)),
          Cell.of(Tables.str(p, "provider_id", i)), Cell.of(ctx.labels.category(Tables.str(p, "category", i)))));
      for (String s : shown) {
        row.add(Cell.num(s));
      }
      h.row(row);
      csv.add(List.of(type, Tables.str(p, "provider_id", i), Tables.str(p, "category", i),
          guarded(vol, CsvExporter.cell(p, "volume", i)), guarded(closed, CsvExporter.cell(p, "closed", i)),
          guarded(closed, Formats.csv(Tables.num(p, "resolution_p50_h", i), 2)),
          guarded(closed, Formats.csv(Tables.num(p, "resolution_p90_h", i), 2)),
          guarded(due, Formats.csv(Tables.num(p, "sla_compliance", i), 4)),
          guarded(fb, Formats.csv(Tables.num(p, "csat", i), 4)), guarded(fb, CsvExporter.cell(p, "feedback_n", i))));
    }
    ctx.csv(CsvFile.TRANSPARENCY, List.of("provider_type", "provider_id", "category", "volume", "closed",
        "resolution_p50_h", "resolution_p90_h", "sla_compliance", "csat", "feedback_n"), csv);
    Markup body = new Markup().el("h1", m.get("transparency.title"));
    body.el("p", m.format("transparency.subtitle", ctx.data.date().minusDays(29).toString(),
        ctx.data.date().toString(), MIN_CELL), "class", "sub");
    body.append(PageLayout.card(null, h.render(m.get("empty")).append(PageLayout.csvLink(m, CsvFile.TRANSPARENCY)),
        "providers"));
    return PageLayout.page(ctx, m.get("transparency.title"), "transparency", body);
  }
}
