package org.civicpulse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;

/**
 * Every number on every page of the fixture report, in both languages, read back and checked against the CSV its
 * table links, and every CSV value checked against the mart it came from (ReportFixture, ForecastFixture). The
 * unit of each shown column is stated here by hand from docs/metrics.md and docs/forecast.md — marts hold rates,
 * shares and compliance as fractions (shown ×100 with %) and *_pct columns as percentages (shown as they are) —
 * so a page that formats a percentage as a fraction, or shows a column beside the wrong header, fails here.
 */
class ReportNumbersTest {
  /** How a shown number relates to the CSV value beside it. */
  enum Unit { SAME, FRACTION_AS_PERCENT, PERCENT }

  /** A shown column: its position in the HTML row, the CSV column it shows, and how. */
  record Col(int html, String csv, Unit unit) {}

  /**
   * The checked tables: page kind + "#" + card id → which CSV rows the table shows, in order, and its numeric
   * columns. Text columns (names, dates, labels) are not numbers and are left to the escaping and label tests.
   */
  record Spec(BiPredicate<String, CSVRecord> rows, Comparator<CSVRecord> order, List<Col> cols) {}

  private static final BiPredicate<String, CSVRecord> IN_SCOPE = (scope, r) -> r.get("scope").equals(scope);
  private static final BiPredicate<String, CSVRecord> ALL_ROWS = (scope, r) -> true;
  private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

  static {
    SPECS.put("overview#score", new Spec(IN_SCOPE, null, List.of(new Col(1, "score", Unit.SAME))));
    SPECS.put("overview#top", new Spec(IN_SCOPE, null, List.of(new Col(1, "last7", Unit.SAME),
        new Col(2, "prev7", Unit.SAME), new Col(3, "change", Unit.SAME), new Col(4, "share", Unit.FRACTION_AS_PERCENT))));
    // The page lists the rising cells of its scope, largest rise first; hotspots.csv is the whole mart.
    SPECS.put("overview#risers", new Spec(
        (scope, r) -> Double.parseDouble(r.get("change")) > 0 && (scope.equals("ALL") || r.get("community_id").equals(scope)),
        Comparator.comparingDouble((CSVRecord r) -> -Double.parseDouble(r.get("change")))
            .thenComparing(r -> r.get("community_id")).thenComparing(r -> r.get("category")),
        List.of(new Col(2, "last7", Unit.SAME), new Col(3, "prev7", Unit.SAME), new Col(4, "change", Unit.SAME),
            new Col(5, "pct", Unit.FRACTION_AS_PERCENT))));
    SPECS.put("overview#anomalies", new Spec(IN_SCOPE, null, List.of(new Col(3, "volume", Unit.SAME),
        new Col(4, "anomaly_z", Unit.SAME))));
    SPECS.put("overview#participation", new Spec(IN_SCOPE, null, List.of(new Col(2, "participants_mtd", Unit.SAME),
        new Col(3, "records_mtd", Unit.SAME), new Col(4, "per_1000", Unit.SAME),
        new Col(5, "non_gov_share", Unit.FRACTION_AS_PERCENT))));
    SPECS.put("overview#communities", new Spec(ALL_ROWS, null, List.of(new Col(3, "score_day", Unit.SAME),
        new Col(4, "volume", Unit.SAME), new Col(5, "backlog", Unit.SAME), new Col(6, "overdue", Unit.SAME))));
    SPECS.put("transparency#providers", new Spec(ALL_ROWS, null, List.of(new Col(3, "volume", Unit.SAME),
        new Col(4, "closed", Unit.SAME), new Col(5, "resolution_p50_h", Unit.SAME),
        new Col(6, "resolution_p90_h", Unit.SAME), new Col(7, "sla_compliance", Unit.FRACTION_AS_PERCENT),
        new Col(8, "csat", Unit.FRACTION_AS_PERCENT), new Col(9, "feedback_n", Unit.SAME))));
    SPECS.put("equity#equity", new Spec(ALL_ROWS, null, List.of(new Col(2, "closed", Unit.SAME),
        new Col(3, "wait_index", Unit.SAME), new Col(5, "raw_gap", Unit.SAME), new Col(6, "mix_gap", Unit.SAME),
        new Col(7, "on_time_ratio", Unit.SAME), new Col(9, "open_past_due", Unit.SAME),
        new Col(10, "open_past_due_share", Unit.FRACTION_AS_PERCENT), new Col(11, "requests_per_1000", Unit.SAME))));
    SPECS.put("equity#categories", new Spec(ALL_ROWS, null, List.of(new Col(2, "closed", Unit.SAME),
        new Col(3, "median_hours", Unit.SAME), new Col(4, "city_median_hours", Unit.SAME),
        new Col(5, "mean_r", Unit.SAME), new Col(6, "location_quotient", Unit.SAME))));
    SPECS.put("worklist#worklist", new Spec(ALL_ROWS, null, List.of(new Col(5, "age_days", Unit.SAME),
        new Col(6, "hours_overdue", Unit.SAME))));
    SPECS.put("forecast#accuracy", new Spec(ALL_ROWS, null, List.of(new Col(1, "series", Unit.SAME),
        new Col(2, "scale_0", Unit.SAME), new Col(3, "mase_chosen", Unit.SAME), new Col(4, "mase_snaive", Unit.SAME),
        new Col(5, "ratio_chosen_snaive", Unit.SAME), new Col(6, "coverage80", Unit.FRACTION_AS_PERCENT),
        new Col(7, "coverage95", Unit.FRACTION_AS_PERCENT))));
    SPECS.put("decisions#service-points", new Spec(ALL_ROWS, null, List.of(new Col(2, "weeks_above", Unit.SAME),
        new Col(3, "min_forecast_13w", Unit.SAME), new Col(4, "mean_forecast_13w", Unit.SAME),
        new Col(5, "threshold", Unit.SAME))));
    List<Col> riserCols = List.of(new Col(3, "next_13w", Unit.SAME), new Col(4, "same_13w_last_year", Unit.SAME),
        new Col(5, "change", Unit.SAME), new Col(6, "change_pct", Unit.PERCENT));
    SPECS.put("decisions#risers", new Spec((scope, r) -> r.get("direction").equals("riser"), null, riserCols));
    SPECS.put("decisions#fallers", new Spec((scope, r) -> r.get("direction").equals("faller"), null, riserCols));
  }

  /** Tables checked by their own method below (wide or grouped, not one CSV row per shown row). */
  private static final Set<String> OWN_CHECK = Set.of("overview#heat", "decisions#capacity");
  /** Tables with no number to check. */
  private static final Set<String> NO_NUMBERS = Set.of("glossary#terms");

  @TempDir
  static Path out;
  static final Map<String, Path> DATED = new LinkedHashMap<>();
  static final LocalDate D = ReportFixture.D;

  @BeforeAll
  static void writeBoth() throws IOException {
    for (String lang : List.of("zh", "en")) {
      DATED.put(lang, ReportWriter.write(ReportFixture.data(lang), ForecastFixture.data(), out.resolve(lang), Map.of())
          .getParent());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void everyShownNumberIsItsCsvValueInTheStatedUnit(String lang) throws IOException {
    Path dir = DATED.get(lang);
    int checked = 0;
    try (Stream<Path> pages = Files.list(dir)) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        for (ReportPages.ShownTable t : ReportPages.tables(page)) {
          String key = kind(t.page()) + "#" + t.card();
          if (NO_NUMBERS.contains(key) || OWN_CHECK.contains(key)) {
            continue;
          }
          Spec spec = SPECS.get(key);
          assertThat(spec).as("%s: table %s has no number check; add its spec here", lang, key).isNotNull();
          String csvName = t.csv() != null ? t.csv() : "risers.csv"; // risers and fallers share the link under fallers
          List<CSVRecord> rows = new ArrayList<>(ReportPages.csv(dir.resolve("data").resolve(csvName)).stream()
              .filter(r -> spec.rows().test(scope(t.page()), r)).toList());
          if (spec.order() != null) {
            rows.sort(spec.order());
          }
          assertThat(t.rows()).as("%s %s: rows shown vs rows of %s", lang, key, csvName).hasSize(rows.size());
          for (int i = 0; i < rows.size(); i++) {
            for (Col c : spec.cols()) {
              assertShown(lang + " " + t.page() + " " + key + " row " + i + " " + c.csv(), t.rows().get(i).get(c.html()),
                  rows.get(i).get(c.csv()), c.unit());
              checked++;
            }
          }
        }
        checked += tilesMatchCsv(dir, page);
      }
    }
    checked += heatMatchesCsv(dir) + capacityMatchesCsv(dir);
    // 229 = every numeric cell and tile of the fixture report: a table that stops being checked lowers it.
    assertThat(checked).as("numbers read back from the %s report", lang).isEqualTo(229);
  }

  private static int tilesMatchCsv(Path dir, Path page) throws IOException {
    Map<String, String> tiles = ReportPages.tiles(page);
    if (tiles.isEmpty()) {
      return 0;
    }
    String scope = scope(page.getFileName().toString());
    int n = 0;
    for (CSVRecord r : ReportPages.csv(dir.resolve("data/kpi_tiles.csv"))) {
      if (r.get("scope").equals(scope)) {
        Unit u = Set.of("sla_compliance", "csat", "feedback_rate", "reopen_rate").contains(r.get("metric"))
            ? Unit.FRACTION_AS_PERCENT : Unit.SAME;
        assertShown(page.getFileName() + " tile " + r.get("metric"), tiles.get(r.get("metric")), r.get("value"), u);
        n++;
      }
    }
    assertThat(n).as("tiles of %s", page.getFileName()).isEqualTo(tiles.size());
    return n;
  }

  /** heat: one row per community, one column per category in the CSV's order, then the row's total. */
  private static int heatMatchesCsv(Path dir) throws IOException {
    int n = 0;
    try (Stream<Path> pages = Files.list(dir)) {
      for (Path page : pages.filter(p -> kind(p.getFileName().toString()).equals("overview")).toList()) {
        String scope = scope(page.getFileName().toString());
        ReportPages.ShownTable t = ReportPages.tables(page).stream().filter(x -> x.card().equals("heat")).findFirst()
            .orElseThrow();
        List<CSVRecord> rows = ReportPages.csv(dir.resolve("data/heat_7d.csv")).stream()
            .filter(r -> r.get("scope").equals(scope)).toList();
        int k = t.header().size() - 2;
        assertThat(rows).as("heat cells of %s", scope).hasSize(t.rows().size() * k);
        for (int i = 0; i < t.rows().size(); i++) {
          double total = 0;
          for (int j = 0; j < k; j++) {
            String v = rows.get(i * k + j).get("volume_7d");
            assertShown("heat " + scope + " " + i + "," + j, t.rows().get(i).get(j + 1), v, Unit.SAME);
            total += Double.parseDouble(v);
            n++;
          }
          assertShown("heat total " + scope + " " + i, t.rows().get(i).get(k + 1), String.valueOf(total), Unit.SAME);
        }
      }
    }
    return n;
  }

  /** capacity: one row per community: closures and threshold of its first week, projected backlog of its last. */
  private static int capacityMatchesCsv(Path dir) throws IOException {
    ReportPages.ShownTable t = ReportPages.tables(dir.resolve("decisions.html")).stream()
        .filter(x -> x.card().equals("capacity")).findFirst().orElseThrow();
    Map<String, List<CSVRecord>> byCommunity = new LinkedHashMap<>();
    for (CSVRecord r : ReportPages.csv(dir.resolve("data/capacity.csv"))) {
      byCommunity.computeIfAbsent(r.get("community_id"), c -> new ArrayList<>()).add(r);
    }
    assertThat(t.rows()).hasSize(byCommunity.size());
    int i = 0;
    for (List<CSVRecord> weeks : byCommunity.values()) {
      List<String> shown = t.rows().get(i++);
      assertShown("capacity closures", shown.get(2), weeks.get(0).get("closures_per_week"), Unit.SAME);
      assertShown("capacity threshold", shown.get(3), weeks.get(0).get("threshold"), Unit.SAME);
      assertShown("capacity backlog end", shown.get(4), weeks.get(weeks.size() - 1).get("projected_backlog"), Unit.SAME);
    }
    return 3 * byCommunity.size();
  }

  // ------------------------------------------------------------------ CSV against the marts

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void everyCsvValueIsItsMartValue(String lang) throws IOException {
    Path data = DATED.get(lang).resolve("data");
    Table kpis = ReportFixture.kpis();
    matchMart(data, "hotspots.csv", ReportFixture.hotspots(), List.of("community_id", "category"),
        List.of("last7", "prev7", "change", "pct"));
    matchMart(data, "worklist.csv", ReportFixture.worklist(), List.of("request_id"), List.of("age_days", "hours_overdue"));
    matchMart(data, "transparency.csv", ReportFixture.providers(), List.of("provider_type", "provider_id", "category"),
        List.of("volume", "closed", "resolution_p50_h", "resolution_p90_h", "sla_compliance", "csat", "feedback_n"));
    matchMart(data, "service_points.csv", ForecastFixture.servicePoints(), List.of("community_id", "category"),
        List.of("weeks_above", "min_forecast_13w", "mean_forecast_13w", "threshold"));
    matchMart(data, "capacity.csv", ForecastFixture.capacity(), List.of("community_id", "week"),
        List.of("intake_forecast", "closures_per_week", "projected_backlog", "threshold"));
    matchMart(data, "risers.csv", ForecastFixture.risers(), List.of("level", "community_id", "category"),
        List.of("next_13w", "same_13w_last_year", "change", "change_pct"));
    Table scoresToday = Tables.between(ReportFixture.scores(), "date", D, D);
    matchMart(data, "scores_today.csv", scoresToday, List.of("scope=community_id", "window"), List.of("score", "metrics_n"));
    matchMart(data, "participation_today.csv", Tables.between(ReportFixture.participation(), "date", D, D),
        List.of("scope=community_id", "dimension", "value"), List.of("participants_mtd", "records_mtd", "per_1000",
            "non_gov_share"));
    for (CSVRecord r : ReportPages.csv(data.resolve("kpi_tiles.csv"))) {
      String metric = r.get("metric");
      if (metric.equals("participation_per_1000")) {
        continue; // from participation, checked above
      }
      assertNumber("tile " + r.get("scope") + " " + metric, r.get("value"), kpi(kpis, D, r.get("scope"), "ALL", metric));
      assertNumber("tile last week " + metric, r.get("same_day_last_week"), kpi(kpis, D.minusDays(7), r.get("scope"), "ALL", metric));
    }
    for (CSVRecord r : ReportPages.csv(data.resolve("communities.csv"))) {
      String c = r.get("community_id");
      assertNumber("communities score " + c, r.get("score_day"), martValue(scoresToday,
          Map.of("community_id", c, "window", "day"), "score"));
      for (String m : List.of("volume", "backlog", "overdue")) {
        assertNumber("communities " + m + " " + c, r.get(m), kpi(kpis, D, c, "ALL", m));
      }
    }
    for (CSVRecord r : ReportPages.csv(data.resolve("heat_7d.csv"))) {
      assertNumber("heat " + r, r.get("volume_7d"), sum(kpis, r.get("community_id"), r.get("category"), 0));
    }
    for (CSVRecord r : ReportPages.csv(data.resolve("top_categories.csv"))) {
      String s = r.get("scope");
      assertNumber("top last7 " + r, r.get("last7"), sum(kpis, s, r.get("category"), 0));
      assertNumber("top prev7 " + r, r.get("prev7"), sum(kpis, s, r.get("category"), 7));
      double all = sum(kpis, s, "road", 0) + sum(kpis, s, "noise", 0);
      assertNumber("top share " + r, r.get("share"), sum(kpis, s, r.get("category"), 0) / all);
    }
    for (CSVRecord r : ReportPages.csv(data.resolve("anomalies.csv"))) {
      LocalDate d = LocalDate.parse(r.get("date"));
      assertNumber("anomaly volume " + r, r.get("volume"), kpi(kpis, d, r.get("community_id"), r.get("category"), "volume"));
      assertNumber("anomaly z " + r, r.get("anomaly_z"), kpi(kpis, d, r.get("community_id"), r.get("category"), "anomaly_z"));
    }
    List<CSVRecord> coverage = ReportPages.csv(data.resolve("coverage.csv"));
    assertThat(coverage.stream().map(r -> String.join(",", r.toList())).toList()).as("coverage.csv").containsExactly(
        "requests,2023-01-01,2025-12-31,12345,0", "feedback,2023-01-03,2025-12-31,4321,0",
        "participation,2023-02-01,2025-12-31,987,0");
  }

  // ------------------------------------------------------------------ helpers

  /** "index" and "community-…" pages share their blocks. */
  static String kind(String page) {
    return page.equals("index.html") || page.startsWith("community-") ? "overview" : page.replace(".html", "");
  }

  /** The scope of an overview page (ALL or a community id; the fixture's ids are their own slugs). */
  static String scope(String page) {
    return page.startsWith("community-") ? page.substring("community-".length(), page.length() - ".html".length()) : "ALL";
  }

  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9,]*(?:\\.([0-9]+))?");

  /** A shown text against a CSV value: "—" for an empty one, "<5" for a suppressed one, else the number in its unit. */
  static void assertShown(String where, String shown, String csv, Unit unit) {
    assertThat(shown).as(where).isNotNull();
    if (csv.equals("<5")) {
      assertThat(shown).as(where + ": suppressed").isEqualTo("<5");
      return;
    }
    if (csv.isEmpty()) {
      assertThat(shown).as(where + ": no value").isEqualTo(Formats.MISSING);
      return;
    }
    Matcher m = NUMBER.matcher(shown);
    if (!m.find()) {
      fail(where + ": '" + shown + "' shows no number for " + csv);
    }
    double x = Double.parseDouble(m.group().replace(",", ""));
    int shownPlaces = m.group(1) == null ? 0 : m.group(1).length();
    int csvPlaces = csv.contains(".") ? csv.length() - csv.indexOf('.') - 1 : 0;
    double scale = unit == Unit.FRACTION_AS_PERCENT ? 100 : 1;
    double expected = Double.parseDouble(csv) * scale;
    // Both sides are rounded from the same value: allow half a unit in the last place of each.
    double tolerance = 0.5 * Math.pow(10, -shownPlaces) + 0.5 * Math.pow(10, -csvPlaces) * scale + 1e-9;
    assertThat(Math.abs(x - expected)).as("%s: shown '%s' vs CSV %s (%s)", where, shown, csv, unit)
        .isLessThanOrEqualTo(tolerance);
    assertThat(shown.contains("%")).as(where + ": a percent sign exactly where the unit is a percentage")
        .isEqualTo(unit != Unit.SAME);
  }

  /** A CSV cell against a mart value: empty for a missing one, else equal to the CSV's precision. */
  static void assertNumber(String where, String csv, Double mart) {
    if (csv.equals("<5")) {
      return; // suppressed on purpose (docs/metrics.md): the transparency tests pin where
    }
    if (mart == null || mart.isNaN()) {
      assertThat(csv).as(where + ": the mart has no value").isEmpty();
      return;
    }
    assertThat(csv).as(where).isNotEmpty();
    int places = csv.contains(".") ? csv.length() - csv.indexOf('.') - 1 : 0;
    assertThat(Math.abs(Double.parseDouble(csv) - mart)).as("%s: CSV %s vs mart %s", where, csv, mart)
        .isLessThanOrEqualTo(0.5 * Math.pow(10, -places) + 1e-9);
  }

  /** Each CSV row matches exactly one mart row on the keys ("csvName=martName" where they differ). */
  static void matchMart(Path data, String csv, Table mart, List<String> keys, List<String> cols) throws IOException {
    List<CSVRecord> rows = ReportPages.csv(data.resolve(csv));
    assertThat(rows).as(csv).isNotEmpty();
    for (CSVRecord r : rows) {
      Map<String, String> key = new LinkedHashMap<>();
      for (String k : keys) {
        String[] p = k.split("=");
        key.put(p.length == 2 ? p[1] : p[0], r.get(p[0]));
      }
      for (String c : cols) {
        assertNumber(csv + " " + key + " " + c, r.get(c), martValue(mart, key, c));
      }
    }
  }

  static Double martValue(Table mart, Map<String, String> key, String col) {
    Integer found = null;
    for (int i = 0; i < mart.rowCount(); i++) {
      final int row = i;
      if (key.entrySet().stream().allMatch(e -> e.getValue().equals(Tables.str(mart, e.getKey(), row)))) {
        assertThat(found).as("one mart row for %s", key).isNull();
        found = i;
      }
    }
    assertThat(found).as("a mart row for %s in %s", key, mart.name()).isNotNull();
    return Tables.num(mart, col, found);
  }

  static Double kpi(Table kpis, LocalDate d, String community, String category, String col) {
    for (int i = 0; i < kpis.rowCount(); i++) {
      if (d.equals(Tables.date(kpis, "date", i)) && community.equals(Tables.str(kpis, "community_id", i))
          && category.equals(Tables.str(kpis, "category", i))) {
        return Tables.num(kpis, col, i);
      }
    }
    return null;
  }

  /** Σ volume over the 7 days ending offset days before D. */
  static double sum(Table kpis, String community, String category, int offset) {
    double s = 0;
    for (int k = offset; k < offset + 7; k++) {
      Double v = kpi(kpis, D.minusDays(k), community, category, "volume");
      s += v == null ? 0 : v;
    }
    return s;
  }
}
