package org.civicpulse.report;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.civicpulse.stats.TrailingWeek;
import org.civicpulse.stats.WindowTotals;
import tech.tablesaw.api.Table;

/** The PNG charts of one overview (area or community) and the img markup that shows them. */
final class OverviewCharts {
  /** Days shown in the trend charts, report date included. */
  static final int DAYS = 90;
  /** Days summed in the channel mix. */
  static final int CHANNEL_DAYS = 30;
  static final String[] AGING = {"backlog_0_1d", "backlog_1_3d", "backlog_3_7d", "backlog_7_30d", "backlog_30d_plus"};

  private OverviewCharts() {}

  /** File-name stem of a scope: "area" for the whole area, "c-&lt;slug&gt;" for a community. */
  static String stem(String scope) {
    return Labels.ALL.equals(scope) ? "area" : "c-" + Labels.slug(scope);
  }

  /** Draws the charts for scope into ctx.dir/charts and returns a grid of img tags. */
  static Markup render(ReportContext ctx, String scope) throws IOException {
    Messages m = ctx.m;
    LocalDate d = ctx.data.date();
    LocalDate from = d.minusDays(DAYS - 1L);
    // All of the scope's ALL-category rows, so 7-day means at the window's start see the days before it.
    Table rows = Tables.eq(ctx.kpis(scope), "category", Labels.ALL);
    Map<LocalDate, Integer> byDate = new TreeMap<>();
    for (int i = 0; i < rows.rowCount(); i++) {
      LocalDate rd = Tables.date(rows, "date", i);
      if (rd != null && !rd.isAfter(d)) {
        byDate.put(rd, i);
      }
    }
    String stem = stem(scope);
    Markup grid = new Markup().open("div", "class", "grid");

    LinkedHashMap<String, SortedMap<LocalDate, Double>> vol = new LinkedHashMap<>();
    vol.put(m.get("chart.volume.daily"), series(rows, byDate, from, d, "volume"));
    vol.put(m.get("chart.volume.mean7"), TrailingWeek.mean(column(rows, byDate, "volume"), from, d));
    String f1 = "charts/daily-" + stem + "-volume.png";
    ctx.charts.lines(ctx.dir.resolve(f1), m.get("chart.volume.title"), m.get("axis.requests"), vol, false, null, null);
    img(grid, f1, m.get("chart.volume.title"));

    LinkedHashMap<String, SortedMap<LocalDate, Double>> aging = new LinkedHashMap<>();
    for (String b : AGING) {
      aging.put(m.metric(b), series(rows, byDate, from, d, b));
    }
    String f2 = "charts/daily-" + stem + "-backlog.png";
    ctx.charts.stackedArea(ctx.dir.resolve(f2), m.get("chart.backlog.title"), m.get("axis.requests"), aging);
    img(grid, f2, m.get("chart.backlog.title"));

    double target = ctx.target("sla_compliance", ReportWriter.DEFAULT_SLA_TARGET);
    LinkedHashMap<String, SortedMap<LocalDate, Double>> sla = new LinkedHashMap<>();
    sla.put(m.get("chart.sla.daily"), series(rows, byDate, from, d, "sla_compliance"));
    sla.put(m.get("chart.sla.rolling7"), TrailingWeek.ratio(column(rows, byDate, "sla_met"),
        column(rows, byDate, "sla_due"), from, d));
    String f3 = "charts/daily-" + stem + "-sla.png";
    ctx.charts.lines(ctx.dir.resolve(f3), m.get("chart.sla.title"), m.get("axis.share"), sla, true, target,
        m.format("chart.sla.target", Formats.pct(target)));
    img(grid, f3, m.get("chart.sla.title"));

    LinkedHashMap<String, SortedMap<LocalDate, Double>> csat = new LinkedHashMap<>();
    csat.put(m.get("chart.csat.daily"), series(rows, byDate, from, d, "csat"));
    csat.put(m.get("chart.csat.rolling7"), TrailingWeek.weightedMean(column(rows, byDate, "csat"),
        column(rows, byDate, "feedback_n"), from, d));
    String f4 = "charts/daily-" + stem + "-csat.png";
    ctx.charts.lines(ctx.dir.resolve(f4), m.get("chart.csat.title"), m.get("axis.share"), csat, true, null, null);
    img(grid, f4, m.get("chart.csat.title"));

    String f5 = "charts/daily-" + stem + "-channels.png";
    ctx.charts.bars(ctx.dir.resolve(f5), m.format("chart.channel.title", CHANNEL_DAYS), m.get("axis.requests"),
        m.metric("volume"), channelMix(ctx, scope));
    img(grid, f5, m.format("chart.channel.title", CHANNEL_DAYS));

    String f6 = "charts/daily-" + stem + "-score.png";
    ctx.charts.lines(ctx.dir.resolve(f6), m.get("chart.score.title"), m.get("metric.score"), scoreSeries(ctx, scope),
        false, 1.0, m.get("chart.score.target"));
    img(grid, f6, m.get("chart.score.title"));
    return grid.close("div");
  }

  private static void img(Markup grid, String src, String alt) {
    grid.open("div", "class", "card").empty("img", "class", "chart", "src", src, "alt", alt,
        "width", Integer.toString(ChartRenderer.WIDTH), "height", Integer.toString(ChartRenderer.HEIGHT))
        .close("div");
  }

  static SortedMap<LocalDate, Double> series(Table t, Map<LocalDate, Integer> byDate, LocalDate from, LocalDate to,
      String col) {
    SortedMap<LocalDate, Double> s = new TreeMap<>();
    byDate.forEach((date, i) -> {
      if (!date.isBefore(from) && !date.isAfter(to)) {
        s.put(date, Tables.num(t, col, i));
      }
    });
    return s;
  }

  /** The column's value on every day that has a row (null where the row has none), before the window too. */
  private static SortedMap<LocalDate, Double> column(Table t, Map<LocalDate, Integer> byDate, String col) {
    SortedMap<LocalDate, Double> s = new TreeMap<>();
    byDate.forEach((date, i) -> s.put(date, Tables.num(t, col, i)));
    return s;
  }

  /** Requests per channel over the last 30 days, largest first, with translated channel names. */
  static LinkedHashMap<String, Double> channelMix(ReportContext ctx, String scope) {
    LocalDate d = ctx.data.date();
    Map<String, Double> sums = WindowTotals.sum(Tables.daily(ctx.channels(scope), "volume", "channel"),
        d.minusDays(CHANNEL_DAYS - 1L), d);
    LinkedHashMap<String, Double> out = new LinkedHashMap<>();
    WindowTotals.largestFirst(sums).forEach(e -> out.put(label(ctx.m, "channel.", e.getKey()), e.getValue()));
    return out;
  }

  static String label(Messages m, String prefix, String value) {
    return m.has(prefix + value) ? m.get(prefix + value) : value;
  }

  /** Daily and weekly score over the trend window. */
  static LinkedHashMap<String, SortedMap<LocalDate, Double>> scoreSeries(ReportContext ctx, String scope) {
    Table t = ctx.scores(scope);
    LinkedHashMap<String, SortedMap<LocalDate, Double>> out = new LinkedHashMap<>();
    for (String w : List.of("day", "week")) {
      SortedMap<LocalDate, Double> s = new TreeMap<>();
      Table tw = Tables.eq(t, "window", w);
      for (int i = 0; i < tw.rowCount(); i++) {
        s.put(Tables.date(tw, "date", i), Tables.num(tw, "score", i));
      }
      out.put(ctx.m.get("window." + w), s);
    }
    return out;
  }
}
