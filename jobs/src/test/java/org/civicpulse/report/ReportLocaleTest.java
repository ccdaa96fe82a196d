package org.civicpulse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Page chrome comes from the report language's messages: an en report shows no CJK character outside names that
 * come from the input, a zh report no English label. The glossary's term table is bilingual by design and left out.
 */
class ReportLocaleTest {
  private static final Pattern CJK = Pattern.compile("[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{3,}");
  /** Names, not labels: the product, acronyms Chinese service offices use as they are (CSAT, SLA, MASE), a format. */
  private static final Set<String> NAMES = Set.of("civicpulse", "CivicPulse", "MASE", "CSAT", "SLA", "CSV", "CityScore");
  /** Input-derived text of ReportFixture in either language (names, ids, the title). */
  private static final List<String> INPUT = List.of(ReportFixture.EVIL, ReportFixture.EVIL_CATEGORY,
      ReportFixture.EVIL_PROVIDER, ReportFixture.EVIL_HOLIDAY, "Test city", "Maple", "Harbor", "Road", "Noise", "East",
      "First street", "Second street", "so-2", "R-<1>", "R-2");

  @TempDir
  Path out;

  @Test
  void anEnglishReportHasNoChineseOutsideInputNames() throws IOException {
    ReportData data = ReportFixture.data("en");
    ReportData untitled = new ReportData(data.date(), "", "en", data.kpisDaily(), data.volumeByChannel(),
        data.participation(), data.providers(), data.scores(), data.worklist(), data.hotspots(), data.communities(),
        data.categories(), data.coverage());
    Path dir = ReportWriter.write(untitled, ForecastFixture.data(), out, Map.of()).getParent();
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, List<String>> page : texts(dir).entrySet()) {
      for (String t : page.getValue()) {
        if (CJK.matcher(t).find()) {
          found.add(page.getKey() + ": " + t);
        }
      }
    }
    assertThat(found).as("Chinese text on en pages").isEmpty();
    assertThat(Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8))
        .as("the brand is the en title when none is configured")
        .contains("<span class=\"brand\">CivicPulse community services</span>");
  }

  @Test
  void aChineseReportHasNoEnglishLabel() throws IOException {
    Path dir = ReportWriter.write(ReportFixture.data("zh"), ForecastFixture.data(), out, Map.of()).getParent();
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, List<String>> page : texts(dir).entrySet()) {
      for (String t : page.getValue()) {
        String rest = t.replaceAll("[a-z0-9_]+\\.(csv|png|html)", "");
        for (String name : INPUT) {
          rest = rest.replace(name, "");
        }
        Matcher w = WORD.matcher(rest);
        while (w.find()) {
          if (!NAMES.contains(w.group())) {
            found.add(page.getKey() + ": " + w.group() + " in '" + t + "'");
          }
        }
      }
    }
    assertThat(found).as("English words on zh pages").isEmpty();
  }

  @Test
  void bothBundlesHaveTheSameKeys() throws IOException {
    Set<Object> zh = props("zh");
    Set<Object> en = props("en");
    assertThat(zh).as("keys only in one bundle").containsExactlyInAnyOrderElementsOf(en);
  }

  private static Set<Object> props(String lang) throws IOException {
    java.util.Properties p = new java.util.Properties();
    try (var r = new java.io.InputStreamReader(ReportLocaleTest.class.getResourceAsStream(
        "/report/messages_" + lang + ".properties"), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p.keySet();
  }

  /** page → its text nodes; the glossary without its bilingual term table. */
  private static Map<String, List<String>> texts(Path dir) throws IOException {
    Map<String, List<String>> out = new java.util.TreeMap<>();
    try (Stream<Path> pages = Files.list(dir)) {
      for (Path p : pages.filter(x -> x.toString().endsWith(".html")).toList()) {
        String html = Files.readString(p, StandardCharsets.UTF_8);
        if (p.getFileName().toString().equals("glossary.html")) {
          html = html.replaceAll("(?s)<table>.*?</table>", "");
        }
        out.put(p.getFileName().toString(), ReportPages.textNodes(html));
      }
    }
    return out;
  }
}
