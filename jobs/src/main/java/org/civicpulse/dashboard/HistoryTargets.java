package org.civicpulse.dashboard;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.civicpulse.config.Targets;

/**
 * Targets for metrics that have none configured, from each community's own history: mean − sd (higher is better)
 * or mean + sd (lower is better) of its daily values over the {@value #DAYS} days before the day scored
 * (docs/metrics.md). The basis is fixed by the day and the community, so a nightly one-day run and a backfill
 * give a day the same targets.
 */
final class HistoryTargets {
  /** Days of history before the day scored. */
  static final int DAYS = 90;
  private final Map<String, NavigableMap<LocalDate, Map<String, Double>>> byCommunity = new HashMap<>();

  /** Records a community's daily values (metric → value; null or absent = no value that day). */
  void add(String community, LocalDate date, Map<String, Double> values) {
    byCommunity.computeIfAbsent(community, c -> new TreeMap<>()).put(date, values);
  }

  /** Metric → target for the community on the day, for each metric with at least two values in its history. */
  Map<String, Double> at(String community, LocalDate day) {
    NavigableMap<LocalDate, Map<String, Double>> history = byCommunity
        .getOrDefault(community, Collections.emptyNavigableMap())
        .subMap(day.minusDays(DAYS), true, day, false);
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, Boolean> m : Targets.HIGHER_IS_BETTER.entrySet()) {
      double[] xs = history.values().stream().map(v -> v.get(m.getKey()))
          .filter(v -> v != null && !v.isNaN()).mapToDouble(Double::doubleValue).toArray();
      if (xs.length > 1) {
        out.put(m.getKey(), ScoreCalculator.historyTarget(xs, m.getValue()));
      }
    }
    return out;
  }
}
