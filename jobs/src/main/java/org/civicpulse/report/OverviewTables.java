package org.civicpulse.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.civicpulse.report.HtmlTable.Cell;
import org.civicpulse.stats.TrailingWeek;
import org.civicpulse.stats.WindowTotals;
import tech.tablesaw.api.Table;

/**
 * The tables of an overview (area or one community): score card, top categories, fastest risers, the
 * community x category heat table, anomalies, participation, and (area only) the community list. Each
 * method also hands its rows to the CSV collector, with the scope in the first column.
 */
final class OverviewTables {
  static final String[] WINDOWS = {"day", "week", "month", "quarter"};
  static final int TOP = 10;
  /** Anomalies listed: flagged days within the last two weeks. */
  static final int ANOMALY_DAYS = 14;

  private OverviewTables() {}

  /** Score per window with its best and worst metrics; colour says how close to target (1.0). */
  static Markup scoreCard(ReportContext ctx, String scope) {
    Messages m = ctx.m;
    Table t = Tables.between(ctx.scores(scope), "date", ctx.data.date(), ctx.data.date());
    Markup boxes = new Markup().open("div", "class", "scores");
    HtmlTable bw = new HtmlTable().col(m.get("col.window"), false).col(m.get("metric.score"), true)
        .col(m.get("col.best"), false).col(m.get("col.worst"), false);
    List<List<String>> csv = new ArrayList<>();
    for (String w : WINDOWS) {
      Table tw = Tables.eq(t, "window", w);
      Double s = tw.rowCount() == 0 ? null : Tables.num(tw, "score", 0);
      String best = tw.rowCount() == 0 ? "" : Tables.str(tw, "best", 0);
      String worst = tw.rowCount() == 0 ? "" : Tables.str(tw, "worst", 0);
      Double basis = tw.rowCount() == 0 ? null : Tables.num(tw, "metrics_n", 0);
      String tone = Formats.missing(s) ? "" : s >= 1.0 ? "good" : s >= 0.8 ? "ok" : "bad";
      String why = !Formats.missing(s) ? null
          : basis == null ? m.get("score.no_data") : m.format("score.no_basis", Math.round(basis));
      boxes.open("div", "class", "score " + tone, "data-window", w, "title", why)
          .el("div", m.get("window." + w), "class", "muted").el("div", Formats.dec(s, 2), "class", "v").close("div");
      bw.row(List.of(Cell.of(m.get("window." + w)), Cell.num(Formats.dec(s, 2)).titled(why),
          Cell.of(metricList(m, best)), Cell.of(metricList(m, worst))));
      csv.add(List.of(scope, w, Formats.csv(s, 4), basis == null ? "" : String.valueOf(Math.round(basis)), best, worst));
    }
    ctx.csv(CsvFile.SCORES_TODAY, List.of("scope", "window", "score", "metrics_n", "best", "worst"), csv);
    return boxes.close("div").append(new Markup().el("p", m.get("score.explain"), "class", "muted"))
        .append(bw.render(m.get("empty"))).append(PageLayout.csvLink(m, CsvFile.SCORES_TODAY));
  }

  /** "csat;sla_compliance" → translated names joined by a list separator. */
  static String metricList(Messages m, String joined) {
    List<String> out = new ArrayList<>();
    for (String s : joined.split(";")) {
      if (!s.isBlank()) {
        out.add(m.metric(s.trim()));
      }
    }
    return out.isEmpty() ? Formats.MISSING : String.join(m.get("list.sep"), out);
  }

  /** Categories by volume in the last 7 days, with the week before and the share of the total (WindowTotals). */
  static Markup topCategories(ReportContext ctx, String scope) {
    Messages m = ctx.m;
    LocalDate d = ctx.data.date();
    // UNLINKED rows carry feedback only, never requests: no place in a volume ranking.
    List<WindowTotals.Rise> ranked = WindowTotals.topOfLastWeek(Tables.daily(ctx.kpis(scope), "volume", "category"), d,
        Labels.ALL, Set.of(Labels.UNLINKED), TOP);
    HtmlTable h = new HtmlTable().col(m.get("col.category"), false).col(m.get("col.last7"), true)
        .col(m.get("col.prev7"), true).col(m.get("col.change"), true).col(m.get("col.share"), true);
    List<List<String>> csv = new ArrayList<>();
    for (WindowTotals.Rise r : ranked) {
      h.row(List.of(Cell.of(ctx.labels.category(r.key())), Cell.num(Formats.count(r.last7())),
          Cell.num(Formats.count(r.prev7())), changeCell(r.change()), Cell.num(Formats.pct(r.share()))));
      csv.add(List.of(scope, r.key(), Long.toString(Math.round(r.last7())), Long.toString(Math.round(r.prev7())),
          Long.toString(r.change()), Formats.csv(r.share(), 4)));
    }
    ctx.csv(CsvFile.TOP_CATEGORIES, List.of("scope", "category", "last7", "prev7", "change", "share"), csv);
    return h.render(m.get("empty")).append(PageLayout.csvLink(m, CsvFile.TOP_CATEGORIES));
  }

  /** A rise in demand is shown in the "bad" colour: it is where staff need to look. */
  private static Cell changeCell(long change) {
    String text = change > 0 ? "+" + change : Long.toString(change);
    return new Cell(text, change > 0 ? "n chg-bad" : change < 0 ? "n chg-good" : "n", null, null);
  }

  /** Largest week-over-week rises from the hotspots mart (area: all communities; else this one). */
  static Markup risers(ReportContext ctx, String scope) {
    Messages m = ctx.m;
    Table t = ctx.data.hotspots();
    if (!Labels.ALL.equals(scope)) {
      t = Tables.eq(t, "community_id", scope);
    }
    List<Integer> idx = new ArrayList<>();
    if (Tables.usable(t, "change")) {
      for (int i = 0; i < t.rowCount(); i++) {
        Double c = Tables.num(t, "change", i);
        if (c != null && c > 0) {
          idx.add(i);
        }
      }
    }
    final Table ft = t;
    idx.sort(Comparator.<Integer, Double>comparing(i -> Tables.num(ft, "change", i)).reversed()
        .thenComparing(i -> Tables.str(ft, "community_id", i)).thenComparing(i -> Tables.str(ft, "category", i)));
    HtmlTable h = new HtmlTable().col(m.get("col.community"), false).col(m.get("col.category"), false)
        .col(m.get("col.last7"), true).col(m.get("col.prev7"), true).col(m.get("col.change"), true)
        .col(m.get("col.pct"), true);
    for (int i : idx.subList(0, Math.min(TOP, idx.size()))) {
      h.row(List.of(Cell.of(ctx.labels.community(Tables.str(ft, "community_id", i))),
          Cell.of(ctx.labels.category(Tables.str(ft, "category", i))),
          Cell.num(Formats.count(Tables.num(ft, "last7", i))), Cell.num(Formats.count(Tables.num(ft, "prev7", i))),
          changeCell(Math.round(Tables.num(ft, "change", i))), Cell.num(Formats.pct(Tables.num(ft, "pct", i)))));
    }
    return new Markup().el("p", minimumNote(m, ctx.data.hotspots()), "class", "muted").append(h.render(m.get("empty")))
        .append(PageLayout.csvLink(m, CsvFile.HOTSPOTS));
  }

  /** The hot spots' minimum count as the dashboard applied it (a mart from before the rule has none to show). */
  private static String minimumNote(Messages m, Table t) {
    Double min = Tables.usable(t, "min_requests") ? Tables.num(t, "min_requests", 0) : null;
    return min == null ? m.get("risers.explain_unknown") : m.format("risers.explain", Math.round(min));
  }

  /**
   * Community x category volume over the last 7 days; cell colour scales with the value against the
   * table's largest cell (inline style: no script, no external CSS).
   */
  static Markup heat(ReportContext ctx, String scope) {
    Messages m = ctx.m;
    LocalDate d = ctx.data.date();
    List<String> comms = Labels.ALL.equals(scope) ? ctx.labels.communityIds() : List.of(scope);
    List<String> cats = ctx.labels.categoryIds();
    Table k = Labels.ALL.equals(scope) ? ctx.kpisRecent : ctx.kpis(scope);
    Map<String, Double> cell = WindowTotals.sum(Tables.daily(k, "volume", "community_id", "category"),
        d.minusDays(TrailingWeek.DAYS - 1L), d);
    double max = 0;
    for (String c : comms) {
      for (String g : cats) {
        max = Math.max(max, cell.getOrDefault(c + "\u0000" + g, 0.0));
      }
    }
    HtmlTable h = new HtmlTable().col(m.get("col.community"), false);
    for (String g : cats) {
      h.col(ctx.labels.category(g), true);
    }
    h.col(m.get("category.all"), true);
    List<List<String>> csv = new ArrayList<>();
    for (String c : comms) {
      List<Cell> row = new ArrayList<>();
      row.add(Labels.ALL.equals(scope) ? Cell.link(ctx.labels.community(c), OverviewPage.file(c))
          : Cell.of(ctx.labels.community(c)));
      for (String g : cats) {
        double v = cell.getOrDefault(c + "\u0000" + g, 0.0);
        row.add(new Cell(Formats.count(v), "heat", heatStyle(v, max), null));
        csv.add(List.of(scope, c, g, Long.toString(Math.round(v))));
      }
      row.add(Cell.num(Formats.count(cell.getOrDefault(c + "\u0000" + Labels.ALL, 0.0))));
      h.row(row);
    }
    ctx.csv(CsvFile.HEAT_7D, List.of("scope", "community_id", "category", "volume_7d"), csv);
    return h.render(m.get("empty")).append(PageLayout.csvLink(m, CsvFile.HEAT_7D));
  }

  static String heatStyle(double v, double max) {
    double a = max <= 0 ? 0 : v / max;
    String bg = String.format(Locale.ROOT, "background-color:rgba(0,114,178,%.2f)", 0.05 + 0.85 * a);
    return a > 0.55 ? bg + ";color:#fff" : bg;
  }

  /** Flagged days of the last two weeks: what (category), where (community), how unusual (z), holiday. */
  static Markup anomalies(ReportContext ctx, String scope) {
    Messages m = ctx.m;
    LocalDate d = ctx.data.date();
    final Table t = Tables.between(Labels.ALL.equals(scope) ? ctx.kpisRecent : ctx.kpis(scope), "date",
        d.minusDays(ANOMALY_DAYS - 1L), d);
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      if (Boolean.TRUE.equals(Tables.bool(t, "anomaly_flag", i))) {
        idx.add(i);
      }
    }
    idx.sort(Comparator.<Integer, LocalDate>comparing(i -> Tables.date(t, "date", i)).reversed()
        .thenComparing(i -> {
          Double z = Tables.num(t, "anomaly_z", i);
          return z == null ? 0.0 : -Math.abs(z);
        }).thenComparing(i -> Tables.str(t, "community_id", i)).thenComparing(i -> Tables.str(t, "category", i)));
    HtmlTable h = new HtmlTable().col(m.get("col.date"), false).col(m.get("col.community"), false)
        .col(m.get("col.category"), false).col(m.metric("volume"), true).col(m.metric("anomaly_z"), true)
        .col(m.get("col.holiday"), false);
    List<List<String>> csv = new ArrayList<>();
    for (int i : idx) {
      Double z = Tables.num(t, "anomaly_z", i);
      String holiday = Tables.str(t, "holiday", i);
      h.row(List.of(Cell.of(Tables.date(t, "date", i).toString()),
          Cell.of(ctx.labels.community(Tables.str(t, "community_id", i))),
          Cell.of(ctx.labels.category(Tables.str(t, "category", i))),
          Cell.num(Formats.count(Tables.num(t, "volume", i))),
          Cell.num(Formats.missing(z) ? m.get("anomaly.no_z") : Formats.dec(z, 2)),
          holiday.isEmpty() ? Cell.of("") : new Cell(holiday, "tag-cell", null, null)));
      csv.add(List.of(scope, Tables.date(t, "date", i).toString(), Tables.str(t, "community_id", i),
          Tables.str(t, "category", i), CsvExporter.cell(t, "volume", i), Formats.csv(z, 2), holiday));
    }
    ctx.csv(CsvFile.ANOMALIES, List.of("scope", "date", "community_id", "category", "volume", "anomaly_z", "holiday"),
        csv);
    return new Markup().el("p", m.get("anomaly.explain"), "class", "muted").append(h.render(m.get("anomaly.none")))
        .append(PageLayout.csvLink(m, CsvFile.ANOMALIES));
  }

  /** Month-to-date participation on the report date, by activity type and by role. */
  static Markup participation(ReportContext ctx, String scope) {
    Messages m = ctx.m;
    LocalDate d = ctx.data.date();
    Table p = Tables.between(ctx.participation(scope), "date", d, d);
    HtmlTable h = new HtmlTable().col(m.get("col.dimension"), false).col(m.get("col.value"), false)
        .col(m.metric("participants_mtd"), true).col(m.metric("records_mtd"), true)
        .col(m.metric("participation_per_1000"), true).col(m.metric("non_gov_share"), true);
    List<List<String>> csv = new ArrayList<>();
    for (String dim : List.of("activity_type", "role", Labels.ALL)) {
      Table t = Tables.eq(p, "dimension", dim);
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < t.rowCount(); i++) {
        idx.add(i);
      }
      idx.sort(Comparator.<Integer, Double>comparing(i -> {
        Double v = Tables.num(t, "participants_mtd", i);
        return v == null ? 0.0 : -v;
      }).thenComparing(i -> Tables.str(t, "value", i)));
      for (int i : idx) {
        String value = Tables.str(t, "value", i);
        String valueLabel = Labels.ALL.equals(value) ? m.get("scope.total")
            : OverviewCharts.label(m, dim.equals("role") ? "role." : "activity.", value);
        h.row(List.of(Cell.of(m.get("dimension." + dim)), Cell.of(valueLabel),
            Cell.num(Formats.count(Tables.num(t, "participants_mtd", i))),
            Cell.num(Formats.count(Tables.num(t, "records_mtd", i))),
            Cell.num(Formats.dec(Tables.num(t, "per_1000", i), 1)),
            Cell.num(Formats.pct(Tables.num(t, "non_gov_share", i)))));
        csv.add(List.of(scope, dim, value, CsvExporter.cell(t, "participants_mtd", i),
            CsvExporter.cell(t, "records_mtd", i), Formats.csv(Tables.num(t, "per_1000", i), 2),
            Formats.csv(Tables.num(t, "non_gov_share", i), 4)));
      }
    }
    ctx.csv(CsvFile.PARTICIPATION_TODAY, List.of("scope", "dimension", "value", "participants_mtd", "records_mtd",
        "per_1000", "non_gov_share"), csv);
    return new Markup().el("p", m.get("participation.explain"), "class", "muted")
        .append(h.render(m.get("empty"))).append(PageLayout.csvLink(m, CsvFile.PARTICIPATION_TODAY));
  }

  /** The area page's list of communities, each linking to its page, with today's headline numbers. */
  static Markup communities(ReportContext ctx) {
    Messages m = ctx.m;
    LocalDate d = ctx.data.date();
    Table ref = ctx.data.communities();
    HtmlTable h = new HtmlTable().col(m.get("col.community"), false).col(m.get("col.district"), false)
        .col(m.get("col.street"), false).col(m.get("metric.score"), true).col(m.metric("volume"), true)
        .col(m.metric("backlog"), true).col(m.metric("overdue"), true);
    List<List<String>> csv = new ArrayList<>();
    for (String c : ctx.labels.communityIds()) {
      Table r = Tables.eq(ref, "community_id", c);
      String district = r.rowCount() == 0 ? "" : Tables.str(r, "district", 0);
      String street = r.rowCount() == 0 ? "" : Tables.str(r, "street", 0);
      Table s = Tables.eq(Tables.between(ctx.scores(c), "date", d, d), "window", "day");
      Double score = s.rowCount() == 0 ? null : Tables.num(s, "score", 0);
      Double vol = KpiTiles.value(ctx, Metric.VOLUME, c, d);
      Double backlog = KpiTiles.value(ctx, Metric.BACKLOG, c, d);
      Double overdue = KpiTiles.value(ctx, Metric.OVERDUE, c, d);
      h.row(List.of(Cell.link(ctx.labels.community(c), OverviewPage.file(c)), Cell.of(district), Cell.of(street),
          Cell.num(Formats.dec(score, 2)), Cell.num(Formats.count(vol)), Cell.num(Formats.count(backlog)),
          Cell.num(Formats.count(overdue))));
      csv.add(List.of(c, ctx.labels.community(c), district, street, Formats.csv(score, 4),
          Formats.csv(vol, 0), Formats.csv(backlog, 0), Formats.csv(overdue, 0)));
    }
    ctx.csv(CsvFile.COMMUNITIES, List.of("community_id", "name", "district", "street", "score_day", "volume",
        "backlog", "overdue"), csv);
    return h.render(m.get("empty")).append(PageLayout.csvLink(m, CsvFile.COMMUNITIES));
  }
}
