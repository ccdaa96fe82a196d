package org.civicpulse.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.civicpulse.report.HtmlTable.Cell;
import tech.tablesaw.api.Table;

/**
 * equity.html: who waits longest for the same kinds of request (docs/metrics.md, "Equity") — the funnel plot,
 * every community's wait index with its interval and the raw/mix split, on-time ratio, open past due and
 * requests per 1,000 residents, one sentence per flagged community, what drives each flag by category, and the
 * caveats. A community under the minimum of closures gets its figures and no rank.
 */
final class EquityPage {
  static final String ALL = "ALL";
  static final String FUNNEL_FILE = "charts/daily-equity-funnel.png";
  static final List<String> CSV_COLUMNS = List.of("community_id", "rank", "closed", "wait_index", "wait_index_lo",
      "wait_index_hi", "raw_gap", "mix_gap", "on_time_ratio", "on_time_ratio_lo", "on_time_ratio_hi", "open_past_due",
      "open_past_due_share", "requests", "population", "requests_per_1000", "requests_per_1000_lo",
      "requests_per_1000_hi", "z", "flagged", "flag_reason");
  static final List<String> CATEGORY_COLUMNS = List.of("community_id", "category", "closed", "median_hours",
      "city_median_hours", "mean_r", "location_quotient");

  private EquityPage() {}

  static String build(ReportContext ctx) throws IOException {
    Messages m = ctx.m;
    Table e = ctx.data.equity();
    Markup body = new Markup().el("h1", m.get("equity.title"));
    if (!Tables.usable(e, "community_id", "wait_index")) {
      body.el("p", m.get("equity.none"), "class", "sub");
      ctx.csv(CsvFile.EQUITY, CSV_COLUMNS, List.of());
      ctx.csv(CsvFile.EQUITY_CATEGORIES, CATEGORY_COLUMNS, List.of());
      return PageLayout.page(ctx, m.get("equity.title"), "equity", body);
    }
    List<Integer> order = order(e);
    int city = cityRow(e);
    long minClosed = minClosed(e);
    long days = windowDays(e);
    body.el("p", m.format("equity.subtitle", ctx.data.date().minusDays(days - 1).toString(),
        ctx.data.date().toString(), minClosed), "class", "sub");
    funnel(ctx, e, order, city, body);
    body.append(PageLayout.card(m.get("equity.flags.title"), flags(ctx, e, order), "flags"));
    body.append(PageLayout.card(m.get("equity.table.title"), table(ctx, e, order, city), "equity"));
    body.append(PageLayout.card(m.get("equity.categories.title"), categories(ctx), "categories"));
    body.append(PageLayout.card(m.get("equity.caveats.title"), caveats(m, e, city, minClosed), "caveats"));
    return PageLayout.page(ctx, m.get("equity.title"), "equity", body);
  }

  /** Ranked communities by wait index, highest first; then those under the minimum; the city last. */
  static List<Integer> order(Table e) {
    List<Integer> ranked = new ArrayList<>();
    List<Integer> unranked = new ArrayList<>();
    for (int i = 0; i < e.rowCount(); i++) {
      if (Tables.str(e, "community_id", i).equals(ALL)) {
        continue;
      }
      (Tables.num(e, "z", i) != null ? ranked : unranked).add(i);
    }
    Comparator<Integer> byIndex = Comparator.comparing((Integer i) -> -orZero(Tables.num(e, "wait_index", i)))
        .thenComparing(i -> Tables.str(e, "community_id", i));
    ranked.sort(byIndex);
    unranked.sort(byIndex);
    ranked.addAll(unranked);
    return ranked;
  }

  private static double orZero(Double v) {
    return v == null ? 0 : v;
  }

  private static int cityRow(Table e) {
    for (int i = 0; i < e.rowCount(); i++) {
      if (Tables.str(e, "community_id", i).equals(ALL)) {
        return i;
      }
    }
    return -1;
  }

  /** The minimum the dashboard applied (every row carries it); the default where an older mart lacks it. */
  private static long minClosed(Table e) {
    Double v = Tables.usable(e, "min_closed") ? Tables.num(e, "min_closed", 0) : null;
    return v == null ? org.civicpulse.config.EquitySettings.DEFAULT.minClosed() : Math.round(v);
  }

  private static long windowDays(Table e) {
    Double v = Tables.usable(e, "window_days") ? Tables.num(e, "window_days", 0) : null;
    return v == null ? org.civicpulse.config.EquitySettings.DEFAULT.windowDays() : Math.round(v);
  }

  private static void funnel(ReportContext ctx, Table e, List<Integer> order, int city, Markup body)
      throws IOException {
    Messages m = ctx.m;
    List<ChartRenderer.FunnelPoint> points = new ArrayList<>();
    for (int i : order) {
      Double w = Tables.num(e, "wait_index", i);
      if (w != null) {
        points.add(new ChartRenderer.FunnelPoint(ctx.labels.community(Tables.str(e, "community_id", i)),
            orZero(Tables.num(e, "closed", i)), w, Tables.num(e, "z", i) != null));
      }
    }
    Double sd = city < 0 ? null : Tables.num(e, "funnel_sd", city);
    Double tau2 = city < 0 ? null : Tables.num(e, "funnel_tau2", city);
    Double center = city < 0 ? null : Tables.num(e, "funnel_center", city);
    ctx.charts.funnel(ctx.dir.resolve(FUNNEL_FILE), m.get("equity.funnel.title"), m.get("equity.funnel.x"),
        m.get("equity.funnel.y"), points, center == null ? 1 : center, orZero(sd), orZero(tau2), m.get("equity.funnel.ranked"),
        m.get("equity.funnel.unranked"), m.get("equity.funnel.limit95"), m.get("equity.funnel.limit998"));
    body.open("div", "class", "card").empty("img", "class", "chart", "src", FUNNEL_FILE, "alt",
        m.get("equity.funnel.title"), "width", Integer.toString(ChartRenderer.WIDTH), "height",
        Integer.toString(ChartRenderer.HEIGHT)).close("div");
  }

  /** One sentence per flagged community, or a line saying none is. */
  private static Markup flags(ReportContext ctx, Table e, List<Integer> order) {
    Messages m = ctx.m;
    Markup out = new Markup();
    int n = 0;
    for (int i : order) {
      if (!Boolean.TRUE.equals(Tables.bool(e, "flagged", i))) {
        continue;
      }
      double w = Tables.num(e, "wait_index", i);
      boolean slower = w >= 1;
      String key = slower ? "equity.flag.slower" : "equity.flag.faster";
      out.el("p", m.format(key, ctx.labels.community(Tables.str(e, "community_id", i)), percentFrom(w, slower),
          percentFrom(Tables.num(e, slower ? "wait_index_lo" : "wait_index_hi", i), slower),
          percentFrom(Tables.num(e, slower ? "wait_index_hi" : "wait_index_lo", i), slower),
          Formats.count(Tables.num(e, "closed", i))));
      n++;
    }
    if (n == 0) {
      out.el("p", m.get("equity.flags.none"));
    }
    return out;
  }

  /** A wait index as "how much longer" (slower) or "how much shorter" (faster), in whole percent. */
  static String percentFrom(Double index, boolean slower) {
    if (index == null) {
      return Formats.MISSING;
    }
    return String.format(java.util.Locale.ROOT, "%.0f%%", (slower ? index - 1 : 1 - index) * 100);
  }

  private static Markup table(ReportContext ctx, Table e, List<Integer> order, int city) {
    Messages m = ctx.m;
    HtmlTable h = new HtmlTable().col(m.get("equity.col.rank"), true).col(m.get("col.community"), false)
        .col(m.get("equity.col.closed"), true).col(m.get("equity.col.wait_index"), true)
        .col(m.get("equity.col.ci"), true).col(m.get("equity.col.raw_gap"), true)
        .col(m.get("equity.col.mix_gap"), true).col(m.get("equity.col.on_time_ratio"), true)
        .col(m.get("equity.col.ci"), true).col(m.get("equity.col.open_past_due"), true)
        .col(m.get("equity.col.open_past_due_share"), true).col(m.get("equity.col.per_1000"), true)
        .col(m.get("equity.col.ci"), true).col(m.get("equity.col.flag"), false);
    List<List<String>> csv = new ArrayList<>();
    List<Integer> rows = new ArrayList<>(order);
    if (city >= 0) {
      rows.add(city);
    }
    int rank = 0;
    for (int i : rows) {
      String id = Tables.str(e, "community_id", i);
      boolean ranked = Tables.num(e, "z", i) != null;
      String shownRank = ranked ? Integer.toString(++rank) : Formats.MISSING;
      String name = id.equals(ALL) ? m.get("equity.city") : ctx.labels.community(id);
      h.row(List.of(Cell.num(shownRank), Cell.of(name), Cell.num(Formats.count(Tables.num(e, "closed", i))),
          Cell.num(Formats.dec(Tables.num(e, "wait_index", i), 2)), Cell.num(interval(e, "wait_index", i, 2)),
          Cell.num(Formats.dec(Tables.num(e, "raw_gap", i), 2)), Cell.num(Formats.dec(Tables.num(e, "mix_gap", i), 2)),
          Cell.num(Formats.dec(Tables.num(e, "on_time_ratio", i), 2)), Cell.num(interval(e, "on_time_ratio", i, 2)),
          Cell.num(Formats.count(Tables.num(e, "open_past_due", i))),
          Cell.num(Formats.pct(Tables.num(e, "open_past_due_share", i))),
          Cell.num(Formats.dec(Tables.num(e, "requests_per_1000", i), 1)),
          Cell.num(interval(e, "requests_per_1000", i, 1)), Cell.of(flag(m, e, i))));
      csv.add(List.of(id, ranked ? Integer.toString(rank) : "", CsvExporter.cell(e, "closed", i),
          Formats.csv(Tables.num(e, "wait_index", i), 4), Formats.csv(Tables.num(e, "wait_index_lo", i), 4),
          Formats.csv(Tables.num(e, "wait_index_hi", i), 4), Formats.csv(Tables.num(e, "raw_gap", i), 4),
          Formats.csv(Tables.num(e, "mix_gap", i), 4), Formats.csv(Tables.num(e, "on_time_ratio", i), 4),
          Formats.csv(Tables.num(e, "on_time_ratio_lo", i), 4), Formats.csv(Tables.num(e, "on_time_ratio_hi", i), 4),
          CsvExporter.cell(e, "open_past_due", i), Formats.csv(Tables.num(e, "open_past_due_share", i), 4),
          CsvExporter.cell(e, "requests", i), CsvExporter.cell(e, "population", i),
          Formats.csv(Tables.num(e, "requests_per_1000", i), 2), Formats.csv(Tables.num(e, "requests_per_1000_lo", i), 2),
          Formats.csv(Tables.num(e, "requests_per_1000_hi", i), 2), Formats.csv(Tables.num(e, "z", i), 4),
          String.valueOf(Boolean.TRUE.equals(Tables.bool(e, "flagged", i))), nullToEmpty(Tables.str(e, "flag_reason", i))));
    }
    ctx.csv(CsvFile.EQUITY, CSV_COLUMNS, csv);
    return h.render(m.get("empty")).append(PageLayout.csvLink(m, CsvFile.EQUITY));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String interval(Table e, String col, int i, int places) {
    Double lo = Tables.num(e, col + "_lo", i);
    Double hi = Tables.num(e, col + "_hi", i);
    return lo == null || hi == null ? Formats.MISSING : Formats.dec(lo, places) + "–" + Formats.dec(hi, places);
  }

  private static String flag(Messages m, Table e, int i) {
    String reason = Tables.str(e, "flag_reason", i);
    return reason == null || reason.isBlank() ? Formats.MISSING : m.get("equity.reason." + reason);
  }

  private static Markup categories(ReportContext ctx) {
    Messages m = ctx.m;
    Table c = ctx.data.equityCategories();
    HtmlTable h = new HtmlTable().col(m.get("col.community"), false).col(m.get("col.category"), false)
        .col(m.get("equity.col.closed"), true).col(m.get("equity.col.median_hours"), true)
        .col(m.get("equity.col.city_median_hours"), true).col(m.get("equity.col.mean_r"), true)
        .col(m.get("equity.col.location_quotient"), true);
    List<List<String>> csv = new ArrayList<>();
    if (Tables.usable(c, "community_id", "category")) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < c.rowCount(); i++) {
        idx.add(i);
      }
      idx.sort(Comparator.comparing((Integer i) -> Tables.str(c, "community_id", i))
          .thenComparing(i -> -orZero(Tables.num(c, "mean_r", i))).thenComparing(i -> Tables.str(c, "category", i)));
      for (int i : idx) {
        h.row(List.of(Cell.of(ctx.labels.community(Tables.str(c, "community_id", i))),
            Cell.of(ctx.labels.category(Tables.str(c, "category", i))), Cell.num(Formats.count(Tables.num(c, "closed", i))),
            Cell.num(Formats.dec(Tables.num(c, "median_hours", i), 1)),
            Cell.num(Formats.dec(Tables.num(c, "city_median_hours", i), 1)),
            Cell.num(Formats.dec(Tables.num(c, "mean_r", i), 2)),
            Cell.num(Formats.dec(Tables.num(c, "location_quotient", i), 2))));
        csv.add(List.of(Tables.str(c, "community_id", i), Tables.str(c, "category", i), CsvExporter.cell(c, "closed", i),
            Formats.csv(Tables.num(c, "median_hours", i), 2), Formats.csv(Tables.num(c, "city_median_hours", i), 2),
            Formats.csv(Tables.num(c, "mean_r", i), 4), Formats.csv(Tables.num(c, "location_quotient", i), 4)));
      }
    }
    ctx.csv(CsvFile.EQUITY_CATEGORIES, CATEGORY_COLUMNS, csv);
    return h.render(m.get("equity.categories.none")).append(PageLayout.csvLink(m, CsvFile.EQUITY_CATEGORIES));
  }

  private static Markup caveats(Messages m, Table e, int city, long minClosed) {
    Markup out = new Markup();
    if (city >= 0) {
      out.el("p", m.format("equity.spread", minClosed, Formats.dec(Tables.num(e, "wait_index_p90_p10", city), 2),
          Formats.dec(Tables.num(e, "theil_requests_per_1000", city), 3)));
    }
    out.el("p", m.get("equity.caveat.demand"));
    out.el("p", m.get("equity.caveat.types"));
    out.el("p", m.format("equity.caveat.minimum", minClosed));
    return out;
  }
}
