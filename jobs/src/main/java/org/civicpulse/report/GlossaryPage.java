package org.civicpulse.report;

import java.util.List;
import org.civicpulse.report.HtmlTable.Cell;

/** glossary.html: every metric with its definition in Chinese and in English, whatever the page language. */
final class GlossaryPage {
  /** Keys of gloss.&lt;key&gt;.name / .def in both bundles, in reading order. */
  static final List<String> TERMS = List.of("volume", "backlog", "aging", "first_response", "resolution",
      "percentile", "sla_due", "sla_met", "sla_compliance", "overdue", "feedback_n", "rating_mean", "csat",
      "feedback_rate", "unlinked", "reopen_rate", "participants_mtd", "participation_per_1000", "non_gov_share",
      "anomaly_z", "anomaly_flag", "holiday", "score", "best_worst", "hotspot", "channel_mix", "suppression",
      "all", "wait_index", "mix_gap", "on_time_ratio", "requests_per_1000", "funnel_flag", "theil", "mase", "smape",
      "coverage", "chosen", "service_point", "projected_backlog", "crossing_week", "riser");

  private GlossaryPage() {}

  static String build(ReportContext ctx) {
    Messages m = ctx.m;
    Messages zh = Messages.load("zh");
    Messages en = Messages.load("en");
    HtmlTable h = new HtmlTable().col(m.get("glossary.term_zh"), false).col(m.get("glossary.def_zh"), false)
        .col(m.get("glossary.term_en"), false).col(m.get("glossary.def_en"), false);
    for (String t : TERMS) {
      String k = "gloss." + t;
      h.row(List.of(new Cell(zh.get(k + ".name"), null, "font-weight:600;white-space:nowrap", null),
          Cell.of(zh.get(k + ".def")), new Cell(en.get(k + ".name"), null, "font-weight:600", null),
          Cell.of(en.get(k + ".def"))));
    }
    Markup body = new Markup().el("h1", m.get("glossary.title"));
    body.el("p", m.get("glossary.subtitle"), "class", "sub");
    body.append(PageLayout.card(null, h.render(""), "terms"));
    return PageLayout.page(ctx, m.get("glossary.title"), "glossary", body);
  }
}
