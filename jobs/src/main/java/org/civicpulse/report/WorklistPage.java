package org.civicpulse.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.civicpulse.report.HtmlTable.Cell;
import tech.tablesaw.api.Table;

/** worklist.html: requests overdue at the end of the report date, longest overdue first. */
final class WorklistPage {
  private WorklistPage() {}

  static String build(ReportContext ctx) {
    Messages m = ctx.m;
    Table w = ctx.data.worklist();
    List<Integer> idx = new ArrayList<>();
    if (w != null) {
      for (int i = 0; i < w.rowCount(); i++) {
        idx.add(i);
      }
    }
    idx.sort(Comparator.<Integer, Double>comparing(i -> {
      Double h = Tables.num(w, "hours_overdue", i);
      return h == null ? Double.NEGATIVE_INFINITY : h;
    }).reversed().thenComparing(i -> Tables.str(w, "request_id", i)));
    HtmlTable h = new HtmlTable().col(m.get("col.request"), false).col(m.get("col.community"), false)
        .col(m.get("col.category"), false).col(m.get("col.created"), false).col(m.get("col.due"), false)
        .col(m.get("col.age_days"), true).col(m.get("col.hours_overdue"), true).col(m.get("col.provider"), false);
    List<String> header = w == null ? List.of() : w.columnNames();
    List<List<String>> csv = new ArrayList<>();
    for (int i : idx) {
      String provider = Tables.str(w, "provider_id", i);
      String type = Tables.str(w, "provider_type", i);
      String who = type.isEmpty() ? provider
          : provider + " (" + OverviewCharts.label(m, "provider_type.", type) + ")";
      String community = Tables.str(w, "community_id", i);
      h.row(List.of(Cell.of(Tables.str(w, "request_id", i)),
          Cell.link(ctx.labels.community(community), OverviewPage.file(community)),
          Cell.of(ctx.labels.category(Tables.str(w, "category", i))), Cell.of(Tables.str(w, "created_at", i)),
          Cell.of(Tables.str(w, "due_at", i)), Cell.num(Formats.dec(Tables.num(w, "age_days", i), 1)),
          Cell.num(Formats.dec(Tables.num(w, "hours_overdue", i), 1)), Cell.of(who)));
      List<String> r = new ArrayList<>();
      for (String c : header) {
        r.add(CsvExporter.cell(w, c, i));
      }
      csv.add(r);
    }
    ctx.csv(CsvFile.WORKLIST, header, csv);
    Markup body = new Markup().el("h1", m.get("worklist.title"));
    body.el("p", m.format("worklist.subtitle", ctx.data.date().toString(), idx.size()), "class", "sub");
    body.append(PageLayout.card(null, h.render(m.get("worklist.none")).append(PageLayout.csvLink(m, CsvFile.WORKLIST)),
        "worklist"));
    return PageLayout.page(ctx, m.get("worklist.title"), "worklist", body);
  }
}
