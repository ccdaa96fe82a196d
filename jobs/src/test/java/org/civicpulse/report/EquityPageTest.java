package org.civicpulse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** equity.html on the fixture: c1 flagged slower (its name carries planted markup), c2 under the minimum. */
class EquityPageTest {
  @TempDir
  static Path out;
  static Path en;
  static Path zh;

  @BeforeAll
  static void write() throws IOException {
    en = ReportWriter.write(ReportFixture.data("en"), out.resolve("en"), Map.of()).getParent();
    zh = ReportWriter.write(ReportFixture.data("zh"), out.resolve("zh"), Map.of()).getParent();
  }

  @Test
  void aFlaggedCommunityGetsOneEscapedSentenceWithItsInterval() throws IOException {
    String html = Files.readString(en.resolve("equity.html"), StandardCharsets.UTF_8);
    // wait index 1.38 (1.21 … 1.57): 38 % longer, 21 % to 57 %.
    assertThat(html).contains("<p>Maple " + Html.escape(ReportFixture.EVIL) + " waits 38% longer than the city for"
        + " the same request types (95 % CI 21% to 57%, 412 closed requests).</p>")
        .doesNotContain(ReportFixture.EVIL)
        .contains("<img class=\"chart\" src=\"charts/daily-equity-funnel.png\"");
    assertThat(en.resolve("charts/daily-equity-funnel.png")).isRegularFile();
    String zhHtml = Files.readString(zh.resolve("equity.html"), StandardCharsets.UTF_8);
    assertThat(zhHtml).contains("<p>枫林" + Html.escape(ReportFixture.EVIL) + " 同类诉求的等待比全市长 38%（95% 置信区间 21% 至"
        + " 57%，办结 412 件）。</p>");
  }

  @Test
  void theTableRanksOnlyCommunitiesWithEnoughClosuresAndTheCsvHoldsEveryFigure() throws IOException {
    String csv = Files.readString(en.resolve("data/equity.csv"), StandardCharsets.UTF_8);
    assertThat(csv).isEqualTo("\uFEFF" + String.join(",", EquityPage.CSV_COLUMNS) + "\r\n"
        + "c1,1,412,1.3800,1.2100,1.5700,0.4500,0.1270,0.9090,0.8090,1.0180,9,0.3000,600,5000,120.00,110.60,130.00,"
        + "4.2000,true,slower\r\n"
        + "c2,,12,0.9000,0.5500,1.4700,-0.2000,-0.0950,0.8420,0.3640,1.6590,1,0.5000,40,,,,,,false,too_few_closed\r\n"
        + "ALL,,424,1.0000,0.9200,1.0900,0.0000,0.0000,1.0000,0.8910,1.1180,10,0.3125,640,,,,,,false,\r\n");
    String html = Files.readString(en.resolve("equity.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("<td>Harbor</td>").contains("<td>Too few closed</td>").contains("<td>Whole city</td>")
        .contains("<td class=\"n\">1.21–1.57</td>");
    String categories = Files.readString(en.resolve("data/equity_categories.csv"), StandardCharsets.UTF_8);
    assertThat(categories).as("within c1, the category with the larger mean r first").isEqualTo("\uFEFF"
        + String.join(",", EquityPage.CATEGORY_COLUMNS) + "\r\n"
        + "c1,road,300,50.50,36.00,0.4100,1.2000\r\n"
        + "c1,noise,112,10.00,8.00,0.2000,0.6000\r\n");
  }

  @Test
  void everyPageLinksTheEquityPage() throws IOException {
    for (String page : new String[] {"index.html", "transparency.html", "worklist.html", "glossary.html"}) {
      assertThat(Files.readString(en.resolve(page), StandardCharsets.UTF_8)).as(page)
          .contains("<a href=\"equity.html\">Equity</a>");
    }
  }
}
