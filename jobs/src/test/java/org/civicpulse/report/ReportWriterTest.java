package org.civicpulse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ReportWriterTest {
  private static final Pattern TILE = Pattern.compile("<div class=\"tile (good|bad|neutral)\" data-metric=\"([a-z0-9_]+)\">"
      + "<div class=\"label\">[^<]*</div><div class=\"value\">([^<]*)</div><div class=\"delta\"><span class=\"chg\">([^<]*)</span>");

  @TempDir
  static Path shared;
  static Path enIndex;
  static Path zhIndex;

  /** One en and one zh report written once for the read-only checks (charts make a run ~1 s). */
  @BeforeAll
  static void writeReports() throws IOException {
    enIndex = ReportWriter.write(ReportFixture.data("en"), shared.resolve("en"));
    zhIndex = ReportWriter.write(ReportFixture.data("zh"), shared.resolve("zh"));
  }

  static Map<String, String[]> tiles(Path index) throws IOException {
    Matcher m = TILE.matcher(Files.readString(index));
    Map<String, String[]> out = new LinkedHashMap<>();
    while (m.find()) {
      out.put(m.group(2), new String[] {m.group(3), m.group(4), m.group(1)});
    }
    return out;
  }

  @Test
  void kpiTilesShowValueChangeAndTone() throws IOException {
    Map<String, String[]> t = tiles(enIndex);
    assertThat(t.keySet()).containsExactly("volume", "backlog", "overdue", "first_response_p50_h", "resolution_p90_h",
        "sla_compliance", "csat", "feedback_rate", "reopen_rate", "participation_per_1000");
    // value, change against 2025-12-24, tone (good/bad for that metric; volume is neutral)
    assertThat(t.get("volume")).containsExactly("7", "↑ +2", "neutral");
    assertThat(t.get("backlog")).containsExactly("12", "↓ -3", "good");
    assertThat(t.get("overdue")).containsExactly("2", "↑ +2", "bad");
    assertThat(t.get("first_response_p50_h")).containsExactly("2.5 h", "↓ -0.5 h", "good");
    assertThat(t.get("resolution_p90_h")).containsExactly("30.0 h", "—", "neutral"); // no basis last week
    assertThat(t.get("sla_compliance")).containsExactly("85.7%", "↑ +10.7 pp", "good"); // 6/7 vs 3/4
    assertThat(t.get("csat")).containsExactly("80.0%", "↓ -10.0 pp", "bad");
    assertThat(t.get("feedback_rate")).containsExactly("50.0%", "→ ±0.0 pp", "neutral");
    assertThat(t.get("reopen_rate")).containsExactly("2.0%", "↑ +1.0 pp", "bad");
    assertThat(t.get("participation_per_1000")).containsExactly("12.5", "↑ +2.5", "good");

    Map<String, String[]> zh = tiles(zhIndex);
    assertThat(zh.get("volume")).containsExactly("7", "↑ +2", "neutral");
    assertThat(zh.get("first_response_p50_h")).containsExactly("2.5 小时", "↓ -0.5 小时", "good");
    assertThat(zh.get("sla_compliance")).containsExactly("85.7%", "↑ +10.7 个百分点", "good");
    assertThat(Files.readString(zhIndex)).contains("按时办结率").contains("lang=\"zh-CN\"");

    // The community page shows that community's rows: c1 has volume 3 + 2 = 5 on D, 2 + 1 = 3 on D-7.
    Map<String, String[]> c1 = tiles(enIndex.resolveSibling("community-c1.html"));
    assertThat(c1.get("volume")).containsExactly("5", "↑ +2", "neutral");
    assertThat(c1.get("overdue")).containsExactly("2", "↑ +2", "bad");
    assertThat(c1.get("participation_per_1000")).containsExactly("14.0", "—", "neutral");
  }

  @Test
  void theRisersSayWhatCountARankedCellNeeds() throws IOException {
    String note = "<p class=\"muted\">Only cells with at least 1 requests over the two weeks are ranked: a rise from 1 to"
        + " 4 is chance (setting hotspots.min_requests).</p>";
    assertThat(Files.readString(enIndex)).as("the fixture mart's min_requests").contains(note);
    assertThat(Files.readString(enIndex.resolveSibling("community-c1.html"))).as("a community's page").contains(note);
    assertThat(Files.readString(zhIndex)).contains("<p class=\"muted\">仅对两周内诉求不少于 1 件的组合排名");
  }

  @Test
  void kpisDailyCsvIsExactlyAsDesigned(@TempDir Path out) throws IOException {
    Table k = new TableBuilder("kpis", "date:d", "community_id:s", "category:s", "volume:i", "backlog:i",
        "first_response_p50_h:f", "first_response_p90_h:f", "resolution_p50_h:f", "resolution_p90_h:f", "sla_due:i",
        "sla_met:i", "sla_compliance:f", "feedback_n:i", "rating_mean:f", "csat:f", "feedback_rate:f", "overdue:i",
        "anomaly_z:f", "anomaly_flag:b", "holiday:s")
        // Out of the window: D-90 (the window is D-89 .. D).
        .row("2025-10-02", "c1", "road", 9, 9, 1.0, 1.0, 1.0, 1.0, 1, 1, 1.0, 1, 5.0, 1.0, 1.0, 0, 0.0, false, "")
        .row("2025-12-31", "ALL", "ALL", null, 4, null, null, null, null, 0, 0, null, 2, 4.5, 0.5, null, 1,
            -1.234, true, "元旦, \"eve\"")
        .row("2025-12-30", "c1", "road", 2, 0, 1.5, null, 10.123, null, 1, 1, 1.0, 0, null, null, 1.0 / 3, 0,
            null, false, "")
        .row("2025-10-03", "c2", "noise", 0, 0, null, null, null, null, 3, 2, 2.0 / 3, 0, null, null, null, 0,
            3.5, null, "")
        .build();
    Table none = Table.create("none");
    ReportData data = new ReportData(LocalDate.of(2025, 12, 31), "t", "en", k, none, none, none, none, none, none,
        none, none);
    Path index = ReportWriter.write(data, out);
    String csv = Files.readString(index.resolveSibling("data/kpis_daily.csv"), StandardCharsets.UTF_8);
    assertThat(csv).isEqualTo("\uFEFF"
        + "date,community_id,category,volume,backlog,first_response_p50_h,first_response_p90_h,resolution_p50_h,"
        + "resolution_p90_h,sla_due,sla_met,sla_compliance,feedback_n,rating_mean,csat,feedback_rate,overdue,"
        + "anomaly_z,anomaly_flag,holiday\r\n"
        + "2025-10-03,c2,noise,0,0,,,,,3,2,0.6667,0,,,,0,3.50,,\r\n"
        + "2025-12-30,c1,road,2,0,1.50,,10.12,,1,1,1.0000,0,,,0.3333,0,,false,\r\n"
        + "2025-12-31,ALL,ALL,0,4,,,,,0,0,,2,4.50,0.5000,,1,-1.23,true,\"元旦, \"\"eve\"\"\"\r\n");
    // Empty tables still give every page.
    for (String f : List.of("index.html", "transparency.html", "equity.html", "worklist.html", "glossary.html")) {
      assertThat(index.resolveSibling(f)).isRegularFile();
    }
  }

  static List<Path> pages(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  @Test
  void everyImageExistsAndNothingIsExternal() throws IOException {
    Pattern img = Pattern.compile("<img[^>]*\\ssrc=\"([^\"]+)\"");
    int images = 0;
    for (Path root : List.of(shared.resolve("en"), shared.resolve("zh"))) {
      List<Path> pages = pages(root);
      assertThat(pages).hasSizeGreaterThanOrEqualTo(2 * 6 + 1); // dated + latest, 6 pages each, + archive
      for (Path p : pages) {
        String html = Files.readString(p);
        assertThat(html).as(p.toString()).doesNotContain("http://").doesNotContain("https://")
            .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link");
        Matcher m = img.matcher(html);
        while (m.find()) {
          Path target = p.resolveSibling(m.group(1));
          assertThat(target).as(p + " -> " + m.group(1)).isRegularFile();
          assertThat(Files.size(target)).isGreaterThan(5_000);
          images++;
        }
      }
    }
    // 2 locales, dated + latest: 3 overviews with 6 charts each, and the equity page's funnel plot.
    assertThat(images).isEqualTo(2 * 2 * (3 * 6 + 1));
    // 2x scale: the PNG is twice the size the page shows.
    javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(
        enIndex.resolveSibling("charts/daily-area-volume.png").toFile());
    java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(in);
    assertThat(png.getWidth()).isEqualTo(2 * ChartRenderer.WIDTH);
    assertThat(png.getHeight()).isEqualTo(2 * ChartRenderer.HEIGHT);
  }

  @Test
  void plantedMarkupIsEscapedOnEveryPage() throws IOException {
    for (Path root : List.of(shared.resolve("en"), shared.resolve("zh"))) {
      for (Path p : pages(root)) {
        String html = Files.readString(p);
        assertThat(html).as(p.toString()).doesNotContain(ReportFixture.EVIL).doesNotContain(ReportFixture.EVIL_CATEGORY)
            .doesNotContain(ReportFixture.EVIL_PROVIDER).doesNotContain(ReportFixture.EVIL_HOLIDAY)
            .doesNotContain("R-<1>");
      }
    }
    String esc = "&lt;script&gt;alert(1)&lt;/script&gt;";
    String cat = "&lt;i&gt;works&lt;/i&gt;";
    Path dated = enIndex.getParent();
    assertThat(Files.readString(dated.resolve("index.html"))).contains("Maple " + esc).contains("Road " + cat)
        .contains("Eve &lt;em&gt;x&lt;/em&gt;");
    assertThat(Files.readString(dated.resolve("community-c1.html"))).contains("<h1>Maple " + esc + "</h1>")
        .contains("Road " + cat);
    assertThat(Files.readString(dated.resolve("worklist.html"))).contains("Maple " + esc).contains("Road " + cat)
        .contains("prov-&lt;b&gt;1&lt;/b&gt;").contains("R-&lt;1&gt;");
    assertThat(Files.readString(dated.resolve("transparency.html"))).contains("Road " + cat)
        .contains("prov-&lt;b&gt;1&lt;/b&gt;");
    assertThat(Files.readString(zhIndex)).contains("枫林" + esc).contains("道路" + cat);
  }

  @Test
  void transparencySuppressesCellsUnderFive() throws IOException {
    String html = Files.readString(enIndex.resolveSibling("transparency.html"));
    Pattern row = Pattern.compile("<tr>((?:<td[^>]*>[^<]*</td>)+)</tr>");
    List<List<String>> rows = new ArrayList<>();
    Matcher m = row.matcher(html);
    while (m.find()) {
      List<String> cells = new ArrayList<>();
      Matcher c = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(m.group(1));
      while (c.find()) {
        cells.add(c.group(1));
      }
      rows.add(cells);
    }
    // type, provider, category, volume, closed, p50, p90, SLA, CSAT, ratings
    assertThat(rows).containsExactly(
        List.of("Government", "prov-&lt;b&gt;1&lt;/b&gt;", "Road &lt;i&gt;works&lt;/i&gt;", "12", "10", "5.5", "20.0",
            "87.5%", "&lt;5", "&lt;5"),
        List.of("Social organisation", "so-2", "Noise", "&lt;5", "&lt;5", "&lt;5", "&lt;5", "&lt;5", "&lt;5", "&lt;5"));
    String csv = Files.readString(enIndex.resolveSibling("data/transparency.csv"));
    assertThat(csv).contains("\r\nsocial_org,so-2,noise,<5,<5,<5,<5,<5,<5,<5\r\n")
        .contains("government,prov-<b>1</b>,road,12,10,5.50,20.00,0.8750,<5,<5\r\n");
  }

  @Test
  void worklistIsSortedByHoursOverdue() throws IOException {
    String html = Files.readString(enIndex.resolveSibling("worklist.html"));
    assertThat(html.indexOf(">R-2<")).isPositive().isLessThan(html.indexOf(">R-&lt;1&gt;<"));
    assertThat(html).contains("254.0").contains("Requests still open past their due time at the end of 2025-12-31: 2.");
  }

  @Test
  void glossaryHasBothLanguages() throws IOException {
    String html = Files.readString(enIndex.resolveSibling("glossary.html"));
    assertThat(html).contains("按时办结 ÷ 当日到期").contains("SLA met ÷ SLA due").contains("the median of {1, 18} hours is 9.5");
  }

  @Test
  void latestIsARealCopyAndTheArchiveListsEveryReport(@TempDir Path out) throws IOException {
    Path first = ReportWriter.write(ReportFixture.data("en"), out);
    assertThat(first).isEqualTo(out.resolve("2025-12-31/index.html"));
    // Another section's files in the dated folder survive a rerun; our stale files do not.
    Files.writeString(out.resolve("2025-12-31/forecast.html"), "<p>forecast</p>");
    Files.createDirectories(out.resolve("2025-12-31/charts"));
    Files.write(out.resolve("2025-12-31/charts/forecast-total.png"), new byte[] {1, 2, 3});
    Files.writeString(out.resolve("2025-12-31/community-gone.html"), "old");

    ReportData next = ReportFixture.data("en");
    ReportWriter.write(next, out);
    assertThat(out.resolve("2025-12-31/forecast.html")).hasContent("<p>forecast</p>");
    assertThat(out.resolve("2025-12-31/charts/forecast-total.png")).exists();
    assertThat(out.resolve("2025-12-31/community-gone.html")).doesNotExist();
    assertThat(Files.readString(first)).contains("href=\"forecast.html\"");

    ReportData later = new ReportData(LocalDate.of(2026, 1, 1), next.title(), "en", next.kpisDaily(),
        next.volumeByChannel(), next.participation(), next.providers(), next.scores(), next.worklist(),
        next.hotspots(), next.communities(), next.categories());
    Path second = ReportWriter.write(later, out);
    Path latest = out.resolve("latest");
    assertThat(Files.isSymbolicLink(latest)).isFalse();
    assertThat(latest).isDirectory();
    assertThat(Files.readAllBytes(latest.resolve("index.html"))).isEqualTo(Files.readAllBytes(second));
    assertThat(latest.resolve("charts/daily-area-volume.png")).isRegularFile();
    String archive = Files.readString(out.resolve("index.html"));
    assertThat(archive).contains("href=\"2025-12-31/index.html\"").contains("href=\"2026-01-01/index.html\"")
        .contains("href=\"latest/index.html\"");
    assertThat(archive.indexOf("2026-01-01/index.html")).isLessThan(archive.indexOf("2025-12-31/index.html"));
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("2025-12-31", "2026-01-01", "index.html", "latest"); // no staging leftovers
    }
  }

  @Test
  void aKilledSwapIsRecovered(@TempDir Path out) throws IOException {
    // A run killed between "rename latest aside" and "rename staging in" leaves only the aside copy.
    Files.createDirectories(out.resolve(".latest.old-123"));
    Files.writeString(out.resolve(".latest.old-123/index.html"), "previous");
    Files.createDirectories(out.resolve(".2025-12-31.tmp-999"));
    ReportFolders.recover(out);
    assertThat(out.resolve("latest/index.html")).hasContent("previous");
    assertThat(out.resolve(".2025-12-31.tmp-999")).doesNotExist();
    assertThat(out.resolve(".latest.old-123")).doesNotExist();
  }
}
