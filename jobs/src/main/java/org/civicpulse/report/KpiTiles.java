package org.civicpulse.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/** The KPI tiles of an overview: each metric on the report date and its change since the same day last week. */
final class KpiTiles {
  /** One tile; tone is "good", "bad" or "neutral" (the CSS class). */
  record Tile(Metric metric, Double current, Double lastWeek, String value, String change, String tone) {}

  private KpiTiles() {}

  static List<Tile> compute(ReportContext ctx, String scope) {
    LocalDate d = ctx.data.date();
    LocalDate w = d.minusDays(7);
    List<Tile> tiles = new ArrayList<>();
    for (Metric metric : Metric.values()) {
      Double cur = value(ctx, metric, scope, d);
      Double prev = value(ctx, metric, scope, w);
      tiles.add(tile(ctx.m, metric, cur, prev));
    }
    return tiles;
  }

  static Tile tile(Messages m, Metric metric, Double cur, Double prev) {
    String value = Formats.value(cur, metric.kind, m);
    if (Formats.missing(cur) || Formats.missing(prev)) {
      return new Tile(metric, cur, prev, value, Formats.MISSING, "neutral");
    }
    double delta = cur - prev;
    // Counts are whole numbers; fractions and hours compare at display precision so "±0.0" is neutral.
    if (Math.abs(delta) < 1e-9) {
      delta = 0;
    }
    String arrow = delta > 0 ? "↑" : delta < 0 ? "↓" : "→";
    String tone = "neutral";
    if (delta != 0 && metric.direction != Metric.Direction.NEUTRAL) {
      boolean up = delta > 0;
      tone = (up == (metric.direction == Metric.Direction.HIGHER)) ? "good" : "bad";
    }
    return new Tile(metric, cur, prev, value, arrow + " " + Formats.delta(delta, metric.kind, m), tone);
  }

  /** The metric for scope (a community id or ALL), category ALL, on one date; null when absent. */
  static Double value(ReportContext ctx, Metric metric, String scope, LocalDate date) {
    if (metric == Metric.PARTICIPATION_PER_1000) {
      Table p = ctx.participation(scope);
      if (!Tables.usable(p, "date", "community_id", "dimension", "value", "per_1000")) {
        return null;
      }
      for (int i = 0; i < p.rowCount(); i++) {
        if (date.equals(Tables.date(p, "date", i)) && scope.equals(Tables.str(p, "community_id", i))
            && Labels.ALL.equals(Tables.str(p, "dimension", i)) && Labels.ALL.equals(Tables.str(p, "value", i))) {
          return Tables.num(p, "per_1000", i);
        }
      }
      return null;
    }
    return ctx.kpi(scope, Labels.ALL, date, metric.column);
  }

  static Markup render(Messages m, List<Tile> tiles) {
    Markup h = new Markup().open("div", "class", "tiles");
    for (Tile t : tiles) {
      h.open("div", "class", "tile " + t.tone(), "data-metric", t.metric().column);
      h.el("div", m.metric(t.metric().column), "class", "label");
      h.el("div", t.value(), "class", "value");
      h.open("div", "class", "delta").el("span", t.change(), "class", "chg").text(" ")
          .el("span", m.get("tile.vs_last_week")).close("div");
      h.close("div");
    }
    return h.close("div");
  }
}
