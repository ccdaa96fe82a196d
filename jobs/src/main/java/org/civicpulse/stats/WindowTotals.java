package org.civicpulse.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Totals of a daily mart column over a window of days, per key — the 7- and 30-day figures the report shows
 * beside the daily values (docs/metrics.md, "Window totals"): volume per category (top categories), per
 * community × category (the heat table) and per channel (the channel mix).
 */
public final class WindowTotals {
  private WindowTotals() {}

  /** One daily value of one key; null (no value that day) counts as 0. */
  public record Daily(String key, LocalDate date, Double value) {}

  /** One category of the top-categories table: its last 7 days, the 7 before, the change and its share of the total. */
  public record Rise(String key, double last7, double prev7, long change, Double share) {}

  /** Σ value per key over the days [from, to], keys in the order they first appear. */
  public static Map<String, Double> sum(List<Daily> rows, LocalDate from, LocalDate to) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Daily r : rows) {
      if (r.date() != null && !r.date().isBefore(from) && !r.date().isAfter(to)) {
        out.merge(r.key(), r.value() == null ? 0.0 : r.value(), Double::sum);
      }
    }
    return out;
  }

  /** The totals largest first, ties in key order. */
  public static List<Map.Entry<String, Double>> largestFirst(Map<String, Double> totals) {
    List<Map.Entry<String, Double>> out = new ArrayList<>(totals.entrySet());
    out.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
    return out;
  }

  /**
   * The {@code top} keys by total over the 7 days ending at {@code d}, with the 7 days before; share = the
   * key's total ÷ the {@code total} key's (null when that is 0). Keys in {@code excluded} (the roll-up itself,
   * rows that carry no volume) are not ranked.
   */
  public static List<Rise> topOfLastWeek(List<Daily> rows, LocalDate d, String total, Set<String> excluded, int top) {
    Map<String, Double> last = sum(rows, d.minusDays(TrailingWeek.DAYS - 1L), d);
    Map<String, Double> prev = sum(rows, d.minusDays(2L * TrailingWeek.DAYS - 1), d.minusDays(TrailingWeek.DAYS));
    double all = last.getOrDefault(total, 0.0);
    List<Rise> out = new ArrayList<>();
    for (Map.Entry<String, Double> e : largestFirst(last)) {
      if (out.size() == top) {
        break;
      }
      if (e.getKey().equals(total) || excluded.contains(e.getKey())) {
        continue;
      }
      double p = prev.getOrDefault(e.getKey(), 0.0);
      out.add(new Rise(e.getKey(), e.getValue(), p, Math.round(e.getValue() - p), all > 0 ? e.getValue() / all : null));
    }
    return out;
  }
}
