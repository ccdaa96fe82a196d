package org.civicpulse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-coverage strip on every page, its warning when the report date is past the data, and the score basis. */
class ReportCoverageTest {
  static final LocalDate D = ReportFixture.D;

  @TempDir
  Path out;

  private Path write(String lang, List<SourceCoverage> coverage) throws IOException {
    ReportData f = ReportFixture.data(lang);
    ReportData data = new ReportData(f.date(), f.title(), lang, f.kpisDaily(), f.volumeByChannel(), f.participation(),
        f.providers(), f.scores(), f.worklist(), f.hotspots(), f.communities(), f.categories(), coverage);
    return ReportWriter.write(data, ForecastFixture.data(), out.resolve(lang), Map.of()).getParent();
  }

  private static List<String> pages(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".html")).map(p -> {
        try {
          return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }

  @Test
  void everyPageSaysWhatDaysTheDataCoversAndNoWarningWhenItIsCurrent() throws IOException {
    Path dir = write("en", ReportFixture.coverage(D, D, D));
    List<String> pages = pages(dir);
    assertThat(pages).hasSize(9);
    for (String html : pages) {
      assertThat(html).contains("<div class=\"coverage\" id=\"coverage\"><span class=\"muted\">Data in the lake:</span>"
          + " requests 2023-01-01 … 2025-12-31 (up to the report date) · feedback 2023-01-03 … 2025-12-31 (up to the"
          + " report date) · participation 2023-02-01 … 2025-12-31 (up to the report date)</div>")
          .doesNotContain("class=\"warn\"");
    }
  }

  @Test
  void aReportDatePastTheDataIsWarnedOnEveryPageAndOnTheTerminal() throws IOException {
    // Requests end on 2025-10-15: 77 days before 2025-12-31 (16 in October + 30 + 31); participation never began.
    List<SourceCoverage> cov = List.of(new SourceCoverage("requests", LocalDate.of(2019, 1, 1), LocalDate.of(2025, 10, 15), 500),
        new SourceCoverage("feedback", LocalDate.of(2019, 1, 2), D, 90), SourceCoverage.empty("participation"));
    for (String html : pages(write("en", cov))) {
      assertThat(html).contains("requests 2019-01-01 … 2025-10-15 (newest day: 77 d before the report date)")
          .contains("participation: no rows")
          .contains("<div class=\"warn\" role=\"alert\">The report date 2025-12-31 is after the last day with requests"
              + " data (2025-10-15, 77 d earlier).");
      assertThat(html.split("class=\"warn\"", -1)).as("one warning: feedback is current, participation has none")
          .hasSize(2);
    }
    for (String html : pages(write("zh", cov))) {
      assertThat(html).contains("<div class=\"warn\" role=\"alert\">报告日期 2025-12-31 晚于诉求数据的最后一天（2025-10-15，早 77 天）。");
    }
    assertThat(SourceCoverage.warnings(cov, D)).containsExactly("report date 2025-12-31 is 77 days after the last day"
        + " with requests data (2025-10-15): the report's figures after that day have no requests behind them");
    assertThat(Files.readString(write("en", cov).resolve("data/coverage.csv"), StandardCharsets.UTF_8))
        .isEqualTo("\uFEFFsource,first_day,last_day,rows,days_behind\r\nrequests,2019-01-01,2025-10-15,500,77\r\n"
            + "feedback,2019-01-02,2025-12-31,90,0\r\nparticipation,,,0,\r\n");
  }

  @Test
  void aWindowWithoutEnoughBasisShowsADashAndSaysWhy() throws IOException {
    String c2 = Files.readString(write("en", ReportFixture.coverage(D, D, D)).resolve("community-c2.html"),
        StandardCharsets.UTF_8);
    String why = "No score: 3 of 8 metrics have a value in this window; a score needs at least 4.";
    assertThat(c2).contains("<div class=\"score \" data-window=\"month\" title=\"" + why + "\">"
        + "<div class=\"muted\">Month</div><div class=\"v\">—</div></div>");
    assertThat(c2).contains("<tr><td>Month</td><td class=\"n\" title=\"" + why + "\">—</td><td>—</td><td>—</td></tr>");
    assertThat(Files.readString(out.resolve("en/2025-12-31/data/scores_today.csv"), StandardCharsets.UTF_8))
        .contains("\r\nc2,month,,3,,\r\n").contains("\r\nc2,quarter,0.8100,7,csat,overdue\r\n");
  }
}
