package org.civicpulse.report;

import java.time.LocalDate;
import java.util.List;

/** &lt;out&gt;/index.html: links to latest/ and to every dated report, newest first. */
final class ArchiveIndexPage {
  private ArchiveIndexPage() {}

  static String build(Messages m, String reportTitle, List<LocalDate> dates) {
    Markup body = new Markup();
    body.el("h1", m.get("archive.title"));
    body.open("p").el("a", m.get("archive.latest"), "href", ReportFolders.LATEST + "/index.html").close("p");
    body.open("section", "class", "card").open("ul");
    for (LocalDate d : dates) {
      body.open("li").el("a", d.toString(), "href", d + "/index.html").close("li");
    }
    body.close("ul").close("section");
    // Not PageLayout.page: its nav points into a dated folder, this page sits one level up.
    Markup h = new Markup().trusted("<!DOCTYPE html>\n")
        .open("html", "lang", m.lang().equals("zh") ? "zh-CN" : "en").open("head")
        .empty("meta", "charset", "utf-8")
        .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
        .el("title", m.get("archive.title") + " · " + reportTitle)
        .trusted("<style>body{font:15px/1.6 sans-serif;max-width:760px;margin:24px auto;padding:0 16px;color:#1f2937}"
            + "a{color:#0072B2}.card{border:1px solid #e5e7eb;border-radius:8px;padding:8px 16px}</style>")
        .close("head").open("body").open("main").append(body).close("main").close("body").close("html");
    return h.toString();
  }
}
