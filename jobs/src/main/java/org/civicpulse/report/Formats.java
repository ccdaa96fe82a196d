package org.civicpulse.report;

import java.util.Locale;

/**
 * Number formats for pages (human) and CSV (machine). Locale.ROOT everywhere: a JVM running with a
 * German or French default locale must not print decimal commas into CSV files that checks parse.
 */
final class Formats {
  /** Shown wherever a metric has no basis (never 0, which would be a claim). */
  static final String MISSING = "—";

  private Formats() {}

  static boolean missing(Double v) {
    return v == null || v.isNaN() || v.isInfinite();
  }

  /** A value as shown on a page, by metric kind. */
  static String value(Double v, Metric.Kind kind, Messages m) {
    if (missing(v)) {
      return MISSING;
    }
    return switch (kind) {
      case COUNT -> count(v);
      case HOURS -> String.format(Locale.ROOT, "%.1f %s", v, m.get("unit.hours"));
      case FRACTION -> pct(v);
      case RATE -> String.format(Locale.ROOT, "%.1f", v);
    };
  }

  /** The change against last week: counts as "+2", hours as "+1.5 h", fractions in percentage points. */
  static String delta(double d, Metric.Kind kind, Messages m) {
    String sign = d > 0 ? "+" : d < 0 ? "-" : "±";
    double a = Math.abs(d);
    return switch (kind) {
      case COUNT -> sign + String.format(Locale.ROOT, "%,d", Math.round(a));
      case HOURS -> sign + String.format(Locale.ROOT, "%.1f %s", a, m.get("unit.hours"));
      case FRACTION -> sign + String.format(Locale.ROOT, "%.1f %s", a * 100, m.get("unit.pp"));
      case RATE -> sign + String.format(Locale.ROOT, "%.1f", a);
    };
  }

  static String count(Double v) {
    return missing(v) ? MISSING : String.format(Locale.ROOT, "%,d", Math.round(v));
  }

  /** A fraction (0.065) as a percentage: "6.5%". Marts hold rates, shares and compliance as fractions. */
  static String pct(Double v) {
    return missing(v) ? MISSING : String.format(Locale.ROOT, "%.1f%%", v * 100);
  }

  /**
   * A value that already is a percentage (a mart column named *_pct, e.g. 6.5 for +6.5 %) with its sign:
   * "+6.5%". Never through pct(), which would multiply it by 100 again.
   */
  static String signedPercent(Double percent) {
    return missing(percent) ? MISSING : String.format(Locale.ROOT, "%+.1f%%", percent);
  }

  static String dec(Double v, int places) {
    return missing(v) ? MISSING : String.format(Locale.ROOT, "%." + places + "f", v);
  }

  /** CSV cell: fixed decimals, empty where missing (spreadsheets read empty as "no value"). */
  static String csv(Double v, int places) {
    return missing(v) ? "" : String.format(Locale.ROOT, "%." + places + "f", v);
  }
}
