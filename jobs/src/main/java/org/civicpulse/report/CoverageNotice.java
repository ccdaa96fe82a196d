package org.civicpulse.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The strip on top of every page that says which days each source has data for and how old its newest day is
 * against the report date, with a warning when the report date is past a source's last day (a quiet "0" or "—"
 * after the data ends is not a quiet day). Also data/coverage.csv.
 */
final class CoverageNotice {
  private final Messages m;
  private final LocalDate date;
  private final List<SourceCoverage> coverage;

  CoverageNotice(Messages m, LocalDate date, List<SourceCoverage> coverage) {
    this.m = m;
    this.date = date;
    this.coverage = coverage;
  }

  /** Nothing when coverage is unknown (a caller that did not read the curated tables). */
  Markup render() {
    Markup h = new Markup();
    if (coverage.isEmpty()) {
      return h;
    }
    List<String> parts = new ArrayList<>();
    for (SourceCoverage c : coverage) {
      String name = m.get("coverage.source." + c.source());
      if (!c.hasRows()) {
        parts.add(m.format("coverage.none", name));
      } else {
        long behind = c.daysBehind(date);
        String age = behind <= 0 ? m.get("coverage.current") : m.format("coverage.behind", behind);
        parts.add(m.format("coverage.range", name, c.first(), c.last(), age));
      }
    }
    h.open("div", "class", "coverage", "id", "coverage").el("span", m.get("coverage.label"), "class", "muted")
        .text(" " + String.join(" · ", parts)).close("div");
    for (SourceCoverage c : SourceCoverage.endedBefore(coverage, date)) {
      h.el("div", m.format("coverage.warn", date, m.get("coverage.source." + c.source()), c.last(), c.daysBehind(date)),
          "class", "warn", "role", "alert");
    }
    return h;
  }

  /** data/coverage.csv: source, first_day, last_day, rows, days_behind (empty for a source without rows). */
  List<List<String>> csvRows() {
    List<List<String>> rows = new ArrayList<>();
    for (SourceCoverage c : coverage) {
      rows.add(List.of(c.source(), c.hasRows() ? c.first().toString() : "", c.hasRows() ? c.last().toString() : "",
          String.valueOf(c.rows()), c.hasRows() ? String.valueOf(c.daysBehind(date)) : ""));
    }
    return rows;
  }

  static final List<String> CSV_HEADER = List.of("source", "first_day", "last_day", "rows", "days_behind");
}
