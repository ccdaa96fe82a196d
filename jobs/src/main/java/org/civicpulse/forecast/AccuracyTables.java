package org.civicpulse.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The terminal tables {@code forecast --series} prints: accuracy over the whole file and chosen's coverage by step. */
public final class AccuracyTables {
  private AccuracyTables() {}

  /** One line per model of the ALL rows: origins, mean MASE, sMAPE, 80 % and 95 % coverage. */
  public static List<String> accuracy(List<AccuracyRow> rows) {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "%-15s %8s %7s %7s %8s %8s", "model", "origins", "MASE", "sMAPE", "cover80",
        "cover95"));
    for (AccuracyRow r : rows) {
      if (r.series().equals(AccuracySummary.ALL)) {
        out.add(String.format(Locale.ROOT, "%-15s %8d %7s %7s %8s %8s", r.model(), r.origins(), fixed(r.mase(), 3),
            fixed(r.smape(), 2), fixed(r.coverage80(), 3), fixed(r.coverage95(), 3)));
      }
    }
    return out;
  }

  /** One line per horizon step of {@code model}: forecasts scored, 80 % and 95 % coverage (aims 0.80, 0.95). */
  public static List<String> coverage(List<CoverageRow> rows, String model) {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "%-5s %6s %8s %8s", "step", "n", "cover80", "cover95"));
    for (CoverageRow r : rows) {
      if (r.model().equals(model)) {
        out.add(String.format(Locale.ROOT, "%-5d %6d %8s %8s", r.horizon(), r.n(), fixed(r.coverage80(), 3),
            fixed(r.coverage95(), 3)));
      }
    }
    return out;
  }

  private static String fixed(double v, int decimals) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "—";
  }
}
