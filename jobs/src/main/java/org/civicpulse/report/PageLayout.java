package org.civicpulse.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The frame every page shares: head with inline CSS, the nav bar, and the footer. */
final class PageLayout {
  /** Inline, never linked: the folder must work offline and from a USB stick. */
  static final String CSS = readCss();

  private PageLayout() {}

  private static String readCss() {
    try (InputStream in = PageLayout.class.getResourceAsStream("/report/style.css")) {
      if (in == null) {
        throw new IllegalStateException("missing resource /report/style.css");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A whole page of a dated report: the frame, the data-coverage strip (with its warning when the report date
   * is past a source's last day), then the body. active names the nav entry to highlight ("index",
   * "communities", "transparency", "equity", "worklist", "glossary", "forecast").
   */
  static String page(ReportContext ctx, String pageTitle, String active, Markup body) {
    return page(ctx.m, ctx.data.title(), pageTitle, active, ctx.coverage.render().append(body), ctx.footer(),
        ctx.forecastLink || active.equals("forecast"));
  }

  private static String page(Messages m, String reportTitle, String pageTitle, String active, Markup body,
      String footerNote, boolean forecastLink) {
    Markup h = new Markup();
    h.trusted("<!DOCTYPE html>\n");
    h.open("html", "lang", m.lang().equals("zh") ? "zh-CN" : "en").open("head");
    h.empty("meta", "charset", "utf-8");
    h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
    h.el("title", pageTitle + " · " + reportTitle);
    h.open("style").trusted(CSS).close("style");
    h.close("head").open("body");
    h.open("nav");
    h.el("span", reportTitle, "class", "brand");
    link(h, "index.html", m.get("nav.index"), active.equals("index"));
    link(h, "index.html#communities", m.get("nav.communities"), active.equals("communities"));
    link(h, "transparency.html", m.get("nav.transparency"), active.equals("transparency"));
    link(h, "equity.html", m.get("nav.equity"), active.equals("equity"));
    link(h, "worklist.html", m.get("nav.worklist"), active.equals("worklist"));
    if (forecastLink) {
      link(h, "forecast.html", m.get("nav.forecast"), active.equals("forecast"));
    }
    link(h, "glossary.html", m.get("nav.glossary"), active.equals("glossary"));
    link(h, "../index.html", m.get("nav.archive"), false);
    h.close("nav");
    h.open("main").append(body);
    h.el("footer", footerNote);
    h.close("main").close("body").close("html");
    return h.toString();
  }

  private static void link(Markup h, String href, String label, boolean active) {
    h.el("a", label, "href", href, "class", active ? "active" : null);
  }

  /** A card with a heading; content is built by the caller as Markup (so it is already escaped). */
  static Markup card(String heading, Markup content, String id) {
    Markup c = new Markup().open("section", "class", "card", "id", id);
    if (heading != null) {
      c.el("h2", heading);
    }
    return c.append(content).close("section");
  }

  /** A link under a table to the CSV file holding it. */
  static Markup csvLink(Messages m, CsvFile file) {
    return new Markup().open("div", "class", "csv").el("a", m.format("csv.download", file.file), "href",
        "data/" + file.file).close("div");
  }
}
