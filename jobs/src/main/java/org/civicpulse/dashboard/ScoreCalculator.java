package org.civicpulse.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.civicpulse.config.Targets;

/**
 * The CityScore-style score (docs/metrics.md): per metric value ÷ target (higher is better) or target ÷ value
 * (lower is better; a value of 0 earns the cap), capped at 1.25; the score is the mean over metrics that have
 * a value; the best and worst 3 metrics by ratio are named (fewer when under six metrics have a value, so the two
 * lists never share a name). A score needs a basis: at least half of the metrics must have a value and a target,
 * else there is no score (docs/metrics.md) — one lone metric would otherwise speak for the whole service.
 */
public final class ScoreCalculator {
  public static final double CAP = 1.25;
  /** Metrics a score is the mean of. */
  public static final int METRICS = Targets.HIGHER_IS_BETTER.size();
  /** Metrics with a value and a target a window needs for a score: half of them. */
  public static final int MIN_BASIS = (METRICS + 1) / 2;

  /**
   * A score (NaN without enough basis) with its per-metric ratios, the best and worst three metric names, and
   * its basis: how many metrics had a value and a target.
   */
  public record Score(double score, Map<String, Double> ratios, List<String> best, List<String> worst) {
    public int basis() {
      return ratios.size();
    }
  }

  private ScoreCalculator() {}

  /**
   * @param values metric → value for the window (missing or null = no basis)
   * @param targets configured targets
   * @param fallback metric → target from history (mean ∓ sd), used where targets has none
   */
  public static Score score(Map<String, Double> values, Targets targets, Map<String, Double> fallback) {
    Map<String, Double> ratios = new LinkedHashMap<>();
    for (Map.Entry<String, Boolean> m : Targets.HIGHER_IS_BETTER.entrySet()) {
      Double v = values.get(m.getKey());
      OptionalDouble t = targets.target(m.getKey());
      Double target = t.isPresent() ? Double.valueOf(t.getAsDouble()) : fallback.get(m.getKey());
      if (v == null || v.isNaN() || target == null || target.isNaN() || target <= 0) {
        continue;
      }
      double ratio = m.getValue() ? v / target : (v == 0 ? CAP : target / v);
      ratios.put(m.getKey(), Math.min(CAP, ratio));
    }
    if (ratios.isEmpty() || ratios.size() < MIN_BASIS) {
      return new Score(Double.NaN, ratios, List.of(), List.of());
    }
    double mean = ratios.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    List<String> byRatio = new ArrayList<>(ratios.keySet());
    byRatio.sort(Comparator.comparingDouble((String k) -> ratios.get(k)).reversed().thenComparing(k -> k));
    // With fewer than six metrics the two lists would share names ("best: X … worst: X"): split them instead.
    int n = byRatio.size();
    List<String> best = byRatio.subList(0, Math.min(3, (n + 1) / 2));
    List<String> worst = new ArrayList<>(byRatio.subList(n - Math.min(3, n / 2), n));
    java.util.Collections.reverse(worst);
    return new Score(mean, ratios, List.copyOf(best), List.copyOf(worst));
  }

  /** History fallback: mean − sd where higher is better, mean + sd where lower is better. */
  public static double historyTarget(double[] history, boolean higherIsBetter) {
    double mean = java.util.Arrays.stream(history).average().orElse(Double.NaN);
    double var = java.util.Arrays.stream(history).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, history.length - 1);
    double sd = Math.sqrt(var);
    return higherIsBetter ? mean - sd : mean + sd;
  }
}
