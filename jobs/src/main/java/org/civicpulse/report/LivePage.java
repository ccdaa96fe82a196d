package org.civicpulse.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live page (issue 5): one small static HTML file staff keep open beside the hotline. It reloads itself
 * with a meta refresh, so it needs no server and no script; the writer replaces it by rename, so a browser
 * never reads half a file.
 */
public final class LivePage {
  public static final String FILE = "live.html";

  private LivePage() {}

  /** The page; every value from the lake is escaped (Markup escapes by default). */
  public static String render(LiveData d, String lang, String reportTitle, int refreshSeconds,
      Map<String, String> communityNames) {
    Messages m = Messages.load(lang);
    Markup h = new Markup();
    h.trusted("<!DOCTYPE html>\n");
    h.open("html", "lang", lang.equals("zh") ? "zh-CN" : "en").open("head");
    h.empty("meta", "charset", "utf-8");
    h.empty("meta", "http-equiv", "refresh", "content", String.valueOf(refreshSeconds));
    h.el("title", m.get("live.title") + " · " + (reportTitle == null || reportTitle.isBlank() ? m.get("report.title") : reportTitle));
    h.open("style").trusted(PageLayout.CSS).close("style");
    h.close("head").open("body").open("main");
    h.el("h1", m.get("live.title"));
    if (d == null) {
      h.el("p", m.get("live.none"), "class", "muted");
    } else {
      h.el("p", m.format("live.as_of", d.asOf(), refreshSeconds), "class", "muted");
      alerts(h, m, d.alerts(), communityNames);
      backlog(h, m, d.backlog(), communityNames);
      volume(h, m, d.volume(), communityNames);
    }
    h.close("main").close("body").close("html");
    return h.toString();
  }

  private static void alerts(Markup h, Messages m, List<LiveData.Alert> alerts, Map<String, String> names) {
    h.el("h2", m.get("live.alerts"));
    HtmlTable t = new HtmlTable().col(m.get("live.col.community"), false).col(m.get("live.col.category"), false)
        .col(m.get("live.col.window"), false).col(m.get("live.col.volume"), true).col(m.get("live.col.median"), true)
        .col(m.get("live.col.z"), true);
    for (LiveData.Alert a : alerts) {
      t.row(List.of(HtmlTable.Cell.of(name(names, a.community())), HtmlTable.Cell.of(a.category()),
          HtmlTable.Cell.of(a.window()), HtmlTable.Cell.num(String.valueOf(a.volume())),
          HtmlTable.Cell.num(String.format(Locale.ROOT, "%.1f", a.median())),
          HtmlTable.Cell.num(a.z() == null ? "—" : String.format(Locale.ROOT, "%.1f", a.z()))));
    }
    h.append(t.render(m.get("live.no_alerts")));
  }

  private static void backlog(Markup h, Messages m, List<LiveData.Backlog> rows, Map<String, String> names) {
    h.el("h2", m.get("live.backlog"));
    HtmlTable t = new HtmlTable().col(m.get("live.col.community"), false).col(m.get("live.col.open"), true);
    rows.forEach(r -> t.row(List.of(HtmlTable.Cell.of(name(names, r.community())), HtmlTable.Cell.num(String.valueOf(r.open())))));
    h.append(t.render("—"));
  }

  private static void volume(Markup h, Messages m, List<LiveData.Volume> rows, Map<String, String> names) {
    h.el("h2", m.get("live.volume"));
    HtmlTable t = new HtmlTable().col(m.get("live.col.community"), false).col(m.get("live.col.category"), false)
        .col(m.get("live.col.last60"), true);
    rows.forEach(r -> t.row(List.of(HtmlTable.Cell.of(name(names, r.community())), HtmlTable.Cell.of(r.category()),
        HtmlTable.Cell.num(String.valueOf(r.last60())))));
    h.append(t.render("—"));
  }

  private static String name(Map<String, String> names, String id) {
    return names.getOrDefault(id, id);
  }

  /** Writes the page next to its final place and renames it in (atomic on one file system). */
  public static Path write(String html, Path outRoot) throws IOException {
    Files.createDirectories(outRoot);
    Path tmp = Files.createTempFile(outRoot, ".live-", ".tmp");
    Files.writeString(tmp, html, StandardCharsets.UTF_8);
    Path target = outRoot.resolve(FILE);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }
}
