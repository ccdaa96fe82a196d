package org.civicpulse.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares two engines' kpis_daily values cell by cell (date × community × category, ALL roll-ups included).
 * civicpulse's grid is dense and zero-filled; the peer returns only cells with data, so a cell absent on one side
 * counts as 0 for the zero-filled counts and empty for the rest — exactly the grid's own rule (KpiTable).
 */
public final class CrossCheck {
  /** Counts civicpulse zero-fills. */
  public static final List<String> COUNTS = List.of("volume", "backlog", "backlog_0_1d", "backlog_1_3d", "backlog_3_7d",
      "backlog_7_30d", "backlog_30d_plus", "overdue", "sla_due", "sla_met", "feedback_n");
  /** Doubles that stay empty where there is nothing to measure. */
  public static final List<String> RATES = List.of("first_response_p50_h", "first_response_p90_h", "resolution_p50_h",
      "resolution_p90_h", "sla_compliance", "rating_mean", "csat", "feedback_rate");
  public static final double TOLERANCE = 1e-9;

  /** The outcome: cells and values compared, and one line per difference. */
  public record Result(int cells, int values, List<String> differences) {
    @Override
    public String toString() {
      return "cross-check cells=" + cells + " values=" + values + " differences=" + differences.size();
    }
  }

  private CrossCheck() {}

  public static Result compare(Cells civicpulse, Cells peer) {
    Map<String, Map<String, Object>> a = civicpulse.asMap();
    Map<String, Map<String, Object>> b = peer.asMap();
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    List<String> diffs = new ArrayList<>();
    int values = 0;
    for (String k : keys) {
      Map<String, Object> x = a.getOrDefault(k, Map.of());
      Map<String, Object> y = b.getOrDefault(k, Map.of());
      for (String c : COUNTS) {
        long u = count(x.get(c));
        long v = count(y.get(c));
        values++;
        if (u != v) {
          diffs.add(k + " " + c + ": civicpulse " + u + ", duckdb " + v);
        }
      }
      for (String c : RATES) {
        Double u = number(x.get(c));
        Double v = number(y.get(c));
        values++;
        if (u == null ? v != null : v == null || Math.abs(u - v) > TOLERANCE) {
          diffs.add(k + " " + c + ": civicpulse " + u + ", duckdb " + v);
        }
      }
    }
    return new Result(keys.size(), values, diffs);
  }

  private static long count(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }

  private static Double number(Object o) {
    return o == null ? null : ((Number) o).doubleValue();
  }
}
