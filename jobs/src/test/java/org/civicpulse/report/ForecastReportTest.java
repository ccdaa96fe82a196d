package org.civicpulse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastReportTest {
  @TempDir
  static Path shared;
  static Path dated;

  @BeforeAll
  static void writeReport() throws IOException {
    dated = ReportWriter.write(ReportFixture.data("en"), ForecastFixture.data(), shared, Map.of()).getParent();
  }

  static String read(String rel) throws IOException {
    return Files.readString(dated.resolve(rel), StandardCharsets.UTF_8);
  }

  @Test
  void accuracyTableHasTheMeansWorkedOutByHand() throws IOException {
    String html = read("forecast.html");
    assertThat(html).contains("<tr><td>Whole area</td><td class=\"n\">1</td><td class=\"n\">0</td>"
        + "<td class=\"n\">0.600</td><td class=\"n\">1.200</td><td class=\"n\">0.50</td>"
        + "<td class=\"n\">80.0%</td><td class=\"n\">100.0%</td></tr>");
    assertThat(html).contains("<tr><td>Community</td><td class=\"n\">2</td><td class=\"n\">0</td>"
        + "<td class=\"n\">0.900</td><td class=\"n\">1.200</td><td class=\"n\">0.75</td>"
        + "<td class=\"n\">80.0%</td><td class=\"n\">95.0%</td></tr>");
    assertThat(html).contains("<tr><td>Category</td><td class=\"n\">2</td><td class=\"n\">1</td>"
        + "<td class=\"n\">0.500</td><td class=\"n\">1.000</td><td class=\"n\">0.50</td>"
        + "<td class=\"n\">75.0%</td><td class=\"n\">90.0%</td></tr>");
    assertThat(html).doesNotContain("<td>Community × category</td>"); // no accuracy rows for cells
    assertThat(html).contains("2025-W52").contains("href=\"decisions.html\"");
  }

  @Test
  void decisionsShowServicePointsCapacityAndRisers() throws IOException {
    String html = read("decisions.html");
    String maple = "Maple &lt;script&gt;alert(1)&lt;/script&gt;";
    String road = "Road &lt;i&gt;works&lt;/i&gt;";
    // Service points: most weeks above first.
    assertThat(html).contains("<tr><td>" + maple + "</td><td>" + road + "</td><td class=\"n\">11</td>"
        + "<td class=\"n\">5.0</td><td class=\"n\">7.5</td><td class=\"n\">4.0</td></tr>");
    assertThat(html.indexOf("<td class=\"n\">11</td>")).isLessThan(html.indexOf("<td class=\"n\">9</td>"));
    // Capacity: c1 backlog now 6 (ReportFixture: 2 categories × 3), crosses in 2026-W02; c2 does not.
    assertThat(html).contains("<tr><td>" + maple + "</td><td class=\"n\">6</td><td class=\"n\">8.0</td>"
        + "<td class=\"n\">15</td><td class=\"n\">18</td><td class=\"bad\">2026-W02</td></tr>");
    assertThat(html).contains("<tr><td>Harbor</td><td class=\"n\">6</td><td class=\"n\">4.0</td>"
        + "<td class=\"n\">20</td><td class=\"n\">3</td><td>none within horizon</td></tr>");
    assertThat(html).contains("charts/forecast-capacity-c1.png").doesNotContain("forecast-capacity-c2.png");
    // Risers: the area row is no riser; fallers sorted by fall.
    String risers = html.substring(html.indexOf("id=\"risers\""), html.indexOf("id=\"fallers\""));
    assertThat(risers).contains("<tr><td>Community</td><td>" + maple + "</td><td>All categories</td>"
        + "<td class=\"n\">90.0</td><td class=\"n\">60.0</td><td class=\"n\">+30.0</td><td class=\"n\">+50.0%</td></tr>")
        .doesNotContain("300.0");
    assertThat(risers.indexOf("+30.0")).isLessThan(risers.indexOf("+5.0"));
    String fallers = html.substring(html.indexOf("id=\"fallers\""));
    assertThat(fallers).contains("<tr><td>Community × category</td><td>Harbor</td><td>Noise</td>"
        + "<td class=\"n\">12.0</td><td class=\"n\">0.0</td><td class=\"n\">-12.0</td><td class=\"n\">—</td></tr>");
    assertThat(fallers.indexOf("-12.0")).isLessThan(fallers.indexOf("-3.0"));
  }

  @Test
  void csvFilesHaveBomAndRows() throws IOException {
    String sp = read("data/service_points.csv");
    assertThat(sp).startsWith("\uFEFFcommunity_id,community,category,category_name,weeks_above");
    assertThat(sp).contains("c1,Maple <script>alert(1)</script>,road,Road <i>works</i>,11,5.00,7.50,4.00");
    assertThat(read("data/capacity.csv")).contains("c1,Maple <script>alert(1)</script>,2026-W02,2026-01-05,"
        + "10.00,8.00,16.00,15.00,2026-W02").contains("c2,Harbor,2026-W03,2026-01-12,3.00,4.00,3.00,20.00,\r\n");
    assertThat(read("data/forecast_accuracy.csv")).contains("community,2,0,0.9000,1.2000,0.7500,0.8000,0.9500");
    assertThat(read("data/risers.csv")).contains("faller,cell,c2,Harbor,noise,Noise,12.00,0.00,-12.00,\r\n");
  }

  @Test
  void everyImageExistsNothingIsExternalAndMarkupIsEscaped() throws IOException {
    Pattern img = Pattern.compile("<img[^>]*\\ssrc=\"([^\"]+)\"");
    int images = 0;
    for (String page : List.of("forecast.html", "decisions.html")) {
      String html = read(page);
      assertThat(html).as(page).doesNotContain("http://").doesNotContain("https://")
          .doesNotContainIgnoringCase("<script").doesNotContain(ReportFixture.EVIL_CATEGORY);
      Matcher m = img.matcher(html);
      while (m.find()) {
        assertThat(dated.resolve(m.group(1))).as(m.group(1)).isRegularFile();
        images++;
      }
    }
    assertThat(images).isEqualTo(5 + 1); // area, 2 communities, 2 categories; 1 capacity chart
    assertThat(read("forecast.html")).contains("charts/forecast-category-road.png")
        .contains("alt=\"Weekly requests · Road &lt;i&gt;works&lt;/i&gt;\"");
    assertThat(read("index.html")).contains("href=\"forecast.html\"");
    assertThat(read("glossary.html")).contains("MASE").contains("越线周").contains("Crossing week");
    assertThat(dated.resolveSibling("latest").resolve("forecast.html")).isRegularFile();
  }

  @Test
  void aReportWithoutForecastKeepsTheSectionInBothOrders(@TempDir Path out) throws IOException {
    // weekly (forecast) first, then the daily rerun without forecast data: the section stays, still linked.
    Path d = ReportWriter.write(ReportFixture.data("en"), ForecastFixture.data(), out, Map.of()).getParent();
    ReportWriter.write(ReportFixture.data("en"), null, out, Map.of());
    assertThat(d.resolve("forecast.html")).isRegularFile();
    assertThat(d.resolve("decisions.html")).isRegularFile();
    assertThat(d.resolve("charts/forecast-area.png")).isRegularFile();
    assertThat(Files.readString(d.resolve("index.html"))).contains("href=\"forecast.html\"");
    // daily first, then forecast: the section is added and linked.
    Path out2 = out.resolve("second");
    Path d2 = ReportWriter.write(ReportFixture.data("en"), out2).getParent();
    assertThat(d2.resolve("forecast.html")).doesNotExist();
    assertThat(Files.readString(d2.resolve("index.html"))).doesNotContain("forecast.html");
    ReportWriter.write(ReportFixture.data("en"), ForecastFixture.data(), out2, Map.of());
    assertThat(d2.resolve("forecast.html")).isRegularFile();
    assertThat(Files.readString(d2.resolve("index.html"))).contains("href=\"forecast.html\"");
    assertThat(d2.resolve("data/kpis_daily.csv")).isRegularFile();
  }

  @Test
  void zhLabelsExistForEveryForecastString() throws IOException {
    Path zh = ReportWriter.write(ReportFixture.data("zh"), ForecastFixture.data(), shared.resolve("zh"), Map.of())
        .getParent();
    assertThat(Files.readString(zh.resolve("forecast.html"))).contains("预测准确度").contains("全辖区");
    assertThat(Files.readString(zh.resolve("decisions.html"))).contains("预测期内不会越线").contains("居民服务点候选");
  }
}
