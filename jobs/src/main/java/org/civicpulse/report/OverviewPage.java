package org.civicpulse.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** index.html (scope ALL) and community-&lt;id&gt;.html: the same blocks, for the area or one community. */
final class OverviewPage {
  private OverviewPage() {}

  /** The page file of a community (ids come from input, so the name is slugged). */
  static String file(String communityId) {
    return "community-" + Labels.slug(communityId) + ".html";
  }

  static String build(ReportContext ctx, String scope) throws IOException {
    Messages m = ctx.m;
    boolean area = Labels.ALL.equals(scope);
    Markup body = new Markup();
    String heading = area ? m.get("overview.title") : ctx.labels.community(scope);
    body.el("h1", heading);
    body.el("p", m.format("overview.subtitle", ctx.data.date().toString(), ctx.labels.community(scope)), "class", "sub");

    body.append(PageLayout.card(m.get("section.score"), OverviewTables.scoreCard(ctx, scope), "score"));
    List<KpiTiles.Tile> tiles = KpiTiles.compute(ctx, scope);
    List<List<String>> csv = new ArrayList<>();
    for (KpiTiles.Tile t : tiles) {
      int places = t.metric().kind == Metric.Kind.FRACTION ? 4 : 2;
      csv.add(List.of(scope, t.metric().column, Formats.csv(t.current(), places), Formats.csv(t.lastWeek(), places),
          Formats.missing(t.current()) || Formats.missing(t.lastWeek()) ? ""
              : Formats.csv(t.current() - t.lastWeek(), places)));
    }
    ctx.csv(CsvFile.KPI_TILES, List.of("scope", "metric", "value", "same_day_last_week", "change"), csv);
    body.el("h2", m.format("section.kpis", ctx.data.date().minusDays(7).toString()));
    body.append(KpiTiles.render(m, tiles));
    body.append(OverviewCharts.render(ctx, scope));

    Markup pair = new Markup().open("div", "class", "grid");
    pair.append(PageLayout.card(m.get("section.top_categories"), OverviewTables.topCategories(ctx, scope), "top"));
    pair.append(PageLayout.card(m.get("section.risers"), OverviewTables.risers(ctx, scope), "risers"));
    body.append(pair.close("div"));
    body.append(PageLayout.card(m.get("section.heat"), OverviewTables.heat(ctx, scope), "heat"));
    body.append(PageLayout.card(m.get("section.anomalies"), OverviewTables.anomalies(ctx, scope), "anomalies"));
    body.append(PageLayout.card(m.get("section.participation"), OverviewTables.participation(ctx, scope),
        "participation"));
    if (area) {
      body.append(PageLayout.card(m.get("section.communities"), OverviewTables.communities(ctx), "communities"));
    }
    String title = area ? m.get("overview.title") : ctx.labels.community(scope);
    return PageLayout.page(ctx, title, area ? "index" : "communities", body);
  }
}
