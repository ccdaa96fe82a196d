package org.civicpulse.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.civicpulse.forecast.LevelAccuracy;
import org.civicpulse.report.HtmlTable.Cell;
import tech.tablesaw.api.Table;

/** forecast.html (fan charts, accuracy) and decisions.html (service points, capacity, risers) of docs/forecast.md. */
final class ForecastPage {
  /** Weeks of history drawn before the forecast. */
  static final int HISTORY_WEEKS = 104;
  /** Categories with a fan chart, by volume over the history. */
  static final int TOP_CATEGORIES = 5;
  /** Rows in each of the risers and fallers tables. */
  static final int TOP_RISERS = 10;

  private ForecastPage() {}

  /** Files this section writes: they replace the ones of an older run of the same dated folder. */
  static boolean owned(String rel) {
    return rel.equals("forecast.html") || rel.equals("decisions.html") || rel.startsWith("charts/forecast-")
        || CsvFile.ownedBy(true, rel);
  }

  static void write(ReportContext ctx, ForecastData f) throws IOException {
    Files.writeString(ctx.dir.resolve("forecast.html"), forecastPage(ctx, f), StandardCharsets.UTF_8);
    Files.writeString(ctx.dir.resolve("decisions.html"), decisionsPage(ctx, f), StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- forecast.html

  private static String forecastPage(ReportContext ctx, ForecastData f) throws IOException {
    Messages m = ctx.m;
    Markup body = new Markup().el("h1", m.get("fc.title"));
    body.el("p", m.format("fc.subtitle", f.asOfWeek()), "class", "sub");
    body.open("p").el("a", m.get("fc.decisions_link"), "href", "decisions.html").close("p");
    Markup charts = new Markup();
    fanChart(ctx, f, charts, "area", Labels.ALL, Labels.ALL, m.get("scope.all"), "forecast-area.png");
    java.util.TreeSet<String> communities = new java.util.TreeSet<>(ids(f.weeklyDemand(), "community", "community_id"));
    communities.addAll(ids(f.forecasts(), "community", "community_id"));
    for (String c : communities) {
      fanChart(ctx, f, charts, "community", c, Labels.ALL, ctx.labels.community(c),
          "forecast-community-" + Labels.slug(c) + ".png");
    }
    for (String g : topCategories(f.weeklyDemand())) {
      fanChart(ctx, f, charts, "category", Labels.ALL, g, ctx.labels.category(g),
          "forecast-category-" + Labels.slug(g) + ".png");
    }
    body.append(PageLayout.card(m.get("fc.fans"), charts, "fans"));
    body.append(PageLayout.card(m.get("fc.accuracy"), accuracy(ctx, f.accuracy()), "accuracy"));
    return PageLayout.page(ctx, m.get("fc.title"), "forecast", body);
  }

  private static void fanChart(ReportContext ctx, ForecastData f, Markup out, String level, String community,
      String category, String label, String file) throws IOException {
    Messages m = ctx.m;
    SortedMap<LocalDate, Double> hist = new TreeMap<>();
    Table wd = f.weeklyDemand();
    if (Tables.usable(wd, "level", "community_id", "category", "week_start", "requests")) {
      for (int i = 0; i < wd.rowCount(); i++) {
        if (is(wd, i, level, community, category)) {
          LocalDate d = Tables.date(wd, "week_start", i);
          Double v = Tables.num(wd, "requests", i);
          if (d != null && v != null) {
            hist.put(d, v);
          }
        }
      }
    }
    while (hist.size() > HISTORY_WEEKS) {
      hist.remove(hist.firstKey());
    }
    List<ChartRenderer.FanPoint> pts = new ArrayList<>();
    Table fc = f.forecasts();
    if (Tables.usable(fc, "level", "community_id", "category", "week_start", "model", "forecast")) {
      for (int i = 0; i < fc.rowCount(); i++) {
        if (is(fc, i, level, community, category) && "chosen".equals(Tables.str(fc, "model", i))) {
          LocalDate d = Tables.date(fc, "week_start", i);
          Double v = Tables.num(fc, "forecast", i);
          if (d != null && v != null) {
            pts.add(new ChartRenderer.FanPoint(d, v, Tables.num(fc, "lo80", i), Tables.num(fc, "hi80", i),
                Tables.num(fc, "lo95", i), Tables.num(fc, "hi95", i)));
          }
        }
      }
    }
    pts.sort(Comparator.comparing(ChartRenderer.FanPoint::week));
    if (hist.isEmpty() && pts.isEmpty()) {
      return;
    }
    String title = m.format("fc.fan_title", label);
    ctx.charts.fan(ctx.dir.resolve("charts").resolve(file), title, m.get("fc.requests_week"),
        m.get("fc.history"), hist, m.get("fc.forecast"), pts, m.get("fc.band80"), m.get("fc.band95"));
    out.open("figure").empty("img", "src", "charts/" + file, "alt", title, "width",
        String.valueOf(ChartRenderer.WIDTH), "height", String.valueOf(ChartRenderer.HEIGHT)).close("figure");
  }

  private static boolean is(Table t, int i, String level, String community, String category) {
    return level.equals(Tables.str(t, "level", i)) && community.equals(Tables.str(t, "community_id", i))
        && category.equals(Tables.str(t, "category", i));
  }

  /** Distinct values of col among rows of the level, sorted. */
  private static List<String> ids(Table t, String level, String col) {
    java.util.TreeSet<String> s = new java.util.TreeSet<>();
    if (Tables.usable(t, "level", col)) {
      for (int i = 0; i < t.rowCount(); i++) {
        if (level.equals(Tables.str(t, "level", i))) {
          s.add(Tables.str(t, col, i));
        }
      }
    }
    s.remove(Labels.ALL);
    return new ArrayList<>(s);
  }

  /** The categories with most requests over the drawn history (ties by code). */
  static List<String> topCategories(Table wd) {
    Map<String, Double> sum = new HashMap<>();
    if (Tables.usable(wd, "level", "category", "requests", "week_start")) {
      LocalDate last = null;
      for (int i = 0; i < wd.rowCount(); i++) {
        LocalDate d = Tables.date(wd, "week_start", i);
        if (d != null && (last == null || d.isAfter(last))) {
          last = d;
        }
      }
      LocalDate from = last == null ? null : last.minusWeeks(HISTORY_WEEKS - 1L);
      for (int i = 0; i < wd.rowCount(); i++) {
        String g = Tables.str(wd, "category", i);
        LocalDate d = Tables.date(wd, "week_start", i);
        Double v = Tables.num(wd, "requests", i);
        if ("category".equals(Tables.str(wd, "level", i)) && !Labels.ALL.equals(g) && v != null && d != null
            && !d.isBefore(from)) {
          sum.merge(g, v, Double::sum);
        }
      }
    }
    List<String> out = new ArrayList<>(sum.keySet());
    out.sort(Comparator.<String, Double>comparing(sum::get).reversed().thenComparing(Comparator.naturalOrder()));
    return out.subList(0, Math.min(TOP_CATEGORIES, out.size()));
  }

  /** Per level: the figures of LevelAccuracy over the mart's per-series rows. */
  private static Markup accuracy(ReportContext ctx, Table a) {
    Messages m = ctx.m;
    HtmlTable h = new HtmlTable().col(m.get("fc.col.level"), false).col(m.get("fc.col.series"), true)
        .col(m.get("fc.col.scale0"), true).col(m.get("fc.col.mase_chosen"), true)
        .col(m.get("fc.col.mase_snaive"), true).col(m.get("fc.col.ratio"), true)
        .col(m.get("fc.col.coverage80"), true).col(m.get("fc.col.coverage95"), true);
    List<List<String>> csv = new ArrayList<>();
    if (Tables.usable(a, "level", "model", "mase")) {
      List<LevelAccuracy.SeriesRow> rows = new ArrayList<>();
      for (int i = 0; i < a.rowCount(); i++) {
        rows.add(new LevelAccuracy.SeriesRow(Tables.str(a, "level", i), Tables.str(a, "model", i), Tables.num(a, "mase", i),
            Tables.num(a, "coverage80", i), Tables.num(a, "coverage95", i)));
      }
      for (LevelAccuracy.Level l : LevelAccuracy.of(rows)) {
        String lv = m.get("fc.level." + l.level());
        h.row(List.of(Cell.of(lv), Cell.num(String.valueOf(l.series())), Cell.num(String.valueOf(l.scale0())),
            Cell.num(Formats.dec(l.maseChosen(), 3)), Cell.num(Formats.dec(l.maseSnaive(), 3)),
            Cell.num(Formats.dec(l.ratio(), 2)), Cell.num(Formats.pct(l.coverage80())), Cell.num(Formats.pct(l.coverage95()))));
        csv.add(List.of(l.level(), String.valueOf(l.series()), String.valueOf(l.scale0()), Formats.csv(l.maseChosen(), 4),
            Formats.csv(l.maseSnaive(), 4), Formats.csv(l.ratio(), 4), Formats.csv(l.coverage80(), 4),
            Formats.csv(l.coverage95(), 4)));
      }
    }
    ctx.csv(CsvFile.FORECAST_ACCURACY, List.of("level", "series", "scale_0", "mase_chosen", "mase_snaive",
        "ratio_chosen_snaive", "coverage80", "coverage95"), csv);
    return new Markup().append(h.render(m.get("fc.none"))).el("p", m.get("fc.accuracy_note"), "class", "muted")
        .append(PageLayout.csvLink(m, CsvFile.FORECAST_ACCURACY));
  }


  // ---------------------------------------------------------------- decisions.html

  private static String decisionsPage(ReportContext ctx, ForecastData f) throws IOException {
    Messages m = ctx.m;
    Markup body = new Markup().el("h1", m.get("dec.title"));
    body.el("p", m.format("fc.subtitle", f.asOfWeek()), "class", "sub");
    body.append(PageLayout.card(m.get("dec.service_points"), servicePoints(ctx, f.servicePoints()), "service-points"));
    body.append(PageLayout.card(m.get("dec.capacity"), capacity(ctx, f.capacity()), "capacity"));
    body.append(PageLayout.card(m.get("dec.risers"), risers(ctx, f.risers(), true), "risers"));
    body.append(PageLayout.card(m.get("dec.fallers"), risers(ctx, f.risers(), false), "fallers"));
    return PageLayout.page(ctx, m.get("dec.title"), "forecast", body);
  }

  private static Markup servicePoints(ReportContext ctx, Table t) {
    Messages m = ctx.m;
    HtmlTable h = new HtmlTable().col(m.get("col.community"), false).col(m.get("col.category"), false)
        .col(m.get("dec.col.weeks_above"), true).col(m.get("dec.col.min13"), true).col(m.get("dec.col.mean13"), true)
        .col(m.get("dec.col.threshold"), true);
    List<List<String>> csv = new ArrayList<>();
    if (Tables.usable(t, "community_id", "category", "weeks_above")) {
      List<Integer> order = rows(t);
      order.sort(Comparator.<Integer, Double>comparing(i -> nz(Tables.num(t, "weeks_above", i))).reversed()
          .thenComparing(i -> -nz(Tables.num(t, "mean_forecast_13w", i)))
          .thenComparing(i -> Tables.str(t, "community_id", i) + "|" + Tables.str(t, "category", i)));
      for (int i : order) {
        String c = Tables.str(t, "community_id", i);
        String g = Tables.str(t, "category", i);
        h.row(List.of(Cell.of(ctx.labels.community(c)), Cell.of(ctx.labels.category(g)),
            Cell.num(Formats.count(Tables.num(t, "weeks_above", i))),
            Cell.num(Formats.dec(Tables.num(t, "min_forecast_13w", i), 1)),
            Cell.num(Formats.dec(Tables.num(t, "mean_forecast_13w", i), 1)),
            Cell.num(Formats.dec(Tables.num(t, "threshold", i), 1))));
        csv.add(List.of(c, ctx.labels.community(c), g, ctx.labels.category(g),
            Formats.csv(Tables.num(t, "weeks_above", i), 0), Formats.csv(Tables.num(t, "min_forecast_13w", i), 2),
            Formats.csv(Tables.num(t, "mean_forecast_13w", i), 2), Formats.csv(Tables.num(t, "threshold", i), 2)));
      }
    }
    ctx.csv(CsvFile.SERVICE_POINTS, List.of("community_id", "community", "category", "category_name", "weeks_above",
        "min_forecast_13w", "mean_forecast_13w", "threshold"), csv);
    return new Markup().el("p", m.get("dec.service_points_note"), "class", "muted").append(h.render(m.get("fc.none")))
        .append(PageLayout.csvLink(m, CsvFile.SERVICE_POINTS));
  }

  private static Markup capacity(ReportContext ctx, Table t) throws IOException {
    Messages m = ctx.m;
    HtmlTable h = new HtmlTable().col(m.get("col.community"), false).col(m.get("dec.col.backlog_now"), true)
        .col(m.get("dec.col.closures"), true).col(m.get("dec.col.threshold"), true)
        .col(m.get("dec.col.backlog_end"), true).col(m.get("dec.col.crossing"), false);
    List<List<String>> csv = new ArrayList<>();
    Markup charts = new Markup();
    if (Tables.usable(t, "community_id", "week_start", "projected_backlog")) {
      Map<String, List<Integer>> byCommunity = new LinkedHashMap<>();
      List<Integer> order = rows(t);
      order.sort(Comparator.comparing((Integer i) -> Tables.str(t, "community_id", i))
          .thenComparing(i -> Tables.date(t, "week_start", i), Comparator.nullsFirst(Comparator.naturalOrder())));
      for (int i : order) {
        byCommunity.computeIfAbsent(Tables.str(t, "community_id", i), k -> new ArrayList<>()).add(i);
      }
      for (Map.Entry<String, List<Integer>> e : byCommunity.entrySet()) {
        String c = e.getKey();
        List<Integer> rs = e.getValue();
        int first = rs.get(0);
        int last = rs.get(rs.size() - 1);
        String crossing = Tables.str(t, "crossing_week", first);
        Double threshold = Tables.num(t, "threshold", first);
        Double now = ctx.kpi(c, Labels.ALL, ctx.data.date(), "backlog");
        h.row(List.of(Cell.of(ctx.labels.community(c)), Cell.num(Formats.count(now)),
            Cell.num(Formats.dec(Tables.num(t, "closures_per_week", first), 1)),
            Cell.num(Formats.dec(threshold, 0)), Cell.num(Formats.dec(Tables.num(t, "projected_backlog", last), 0)),
            crossing.isEmpty() ? Cell.of(m.get("dec.no_crossing")) : new Cell(crossing, "bad", null, null)));
        for (int i : rs) {
          csv.add(List.of(c, ctx.labels.community(c), Tables.str(t, "week", i), String.valueOf(Tables.date(t, "week_start", i)),
              Formats.csv(Tables.num(t, "intake_forecast", i), 2), Formats.csv(Tables.num(t, "closures_per_week", i), 2),
              Formats.csv(Tables.num(t, "projected_backlog", i), 2), Formats.csv(Tables.num(t, "threshold", i), 2),
              crossing));
        }
        if (!crossing.isEmpty()) {
          SortedMap<LocalDate, Double> s = new TreeMap<>();
          for (int i : rs) {
            LocalDate d = Tables.date(t, "week_start", i);
            Double v = Tables.num(t, "projected_backlog", i);
            if (d != null && v != null) {
              s.put(d, v);
            }
          }
          LinkedHashMap<String, SortedMap<LocalDate, Double>> series = new LinkedHashMap<>();
          series.put(m.get("dec.projected_backlog"), s);
          String file = "forecast-capacity-" + Labels.slug(c) + ".png";
          String title = m.format("dec.capacity_chart", ctx.labels.community(c));
          ctx.charts.lines(ctx.dir.resolve("charts").resolve(file), title, m.get("dec.col.backlog_end"), series,
              false, threshold, m.get("dec.col.threshold"));
          charts.open("figure").empty("img", "src", "charts/" + file, "alt", title, "width",
              String.valueOf(ChartRenderer.WIDTH), "height", String.valueOf(ChartRenderer.HEIGHT)).close("figure");
        }
      }
    }
    ctx.csv(CsvFile.CAPACITY, List.of("community_id", "community", "week", "week_start", "intake_forecast",
        "closures_per_week", "projected_backlog", "threshold", "crossing_week"), csv);
    return new Markup().el("p", m.get("dec.capacity_note"), "class", "muted").append(h.render(m.get("fc.none")))
        .append(charts).append(PageLayout.csvLink(m, CsvFile.CAPACITY));
  }

  private static Markup risers(ReportContext ctx, Table t, boolean up) {
    Messages m = ctx.m;
    HtmlTable h = new HtmlTable().col(m.get("fc.col.level"), false).col(m.get("col.community"), false)
        .col(m.get("col.category"), false).col(m.get("dec.col.next13"), true).col(m.get("dec.col.last_year13"), true)
        .col(m.get("dec.col.change"), true).col(m.get("dec.col.change_pct"), true);
    List<List<String>> csv = new ArrayList<>();
    if (Tables.usable(t, "level", "community_id", "category", "change")) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < t.rowCount(); i++) {
        Double c = Tables.num(t, "change", i);
        String level = Tables.str(t, "level", i);
        if (c != null && (up ? c > 0 : c < 0) && (level.equals("community") || level.equals("category")
            || level.equals("cell"))) {
          order.add(i);
        }
      }
      order.sort(Comparator.<Integer, Double>comparing(i -> (up ? -1 : 1) * Tables.num(t, "change", i))
          .thenComparing(i -> Tables.str(t, "level", i) + "|" + Tables.str(t, "community_id", i) + "|"
              + Tables.str(t, "category", i)));
      for (int i : order.subList(0, Math.min(TOP_RISERS, order.size()))) {
        String level = Tables.str(t, "level", i);
        String c = Tables.str(t, "community_id", i);
        String g = Tables.str(t, "category", i);
        Double pct = Tables.num(t, "change_pct", i);
        h.row(List.of(Cell.of(m.get("fc.level." + level)), Cell.of(ctx.labels.community(c)),
            Cell.of(ctx.labels.category(g)), Cell.num(Formats.dec(Tables.num(t, "next_13w", i), 1)),
            Cell.num(Formats.dec(Tables.num(t, "same_13w_last_year", i), 1)),
            Cell.num((Tables.num(t, "change", i) > 0 ? "+" : "") + Formats.dec(Tables.num(t, "change", i), 1)),
            Cell.num(Formats.signedPercent(pct))));
        csv.add(List.of(up ? "riser" : "faller", level, c, ctx.labels.community(c), g, ctx.labels.category(g),
            Formats.csv(Tables.num(t, "next_13w", i), 2), Formats.csv(Tables.num(t, "same_13w_last_year", i), 2),
            Formats.csv(Tables.num(t, "change", i), 2), Formats.csv(pct, 4)));
      }
    }
    ctx.csv(CsvFile.RISERS, List.of("direction", "level", "community_id", "community", "category", "category_name",
        "next_13w", "same_13w_last_year", "change", "change_pct"), csv);
    Markup out = new Markup().append(h.render(m.get("fc.none")));
    return up ? out : out.append(PageLayout.csvLink(m, CsvFile.RISERS));
  }

  private static List<Integer> rows(Table t) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      out.add(i);
    }
    return out;
  }

  private static double nz(Double v) {
    return v == null ? 0.0 : v;
  }
}
