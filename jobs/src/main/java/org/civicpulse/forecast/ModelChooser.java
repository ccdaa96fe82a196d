package org.civicpulse.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides {@code combo} and {@code chosen} at an origin from evidence (origin runs whose actuals all lie at or
 * before that origin).
 *
 * <p>{@code combo} is the series' own two best single models. {@code chosen} is the single model or pair with
 * the smallest mean scaled error over a pool of runs — the panel's series of the same class, not the series
 * alone (docs/forecast.md, "Choosing"): a handful of origins per series picks noise, and choosing per series
 * lost to plain ETS on the demo lake. Until the pool spans {@link #MIN_ORIGINS} distinct origin weeks it keeps
 * the default pair: the errors of many series at one origin share that origin's weeks, so they are one piece
 * of evidence about timing, not many.
 */
final class ModelChooser {
  /** Distinct origin weeks the pool must span before the default pair is left. */
  static final int MIN_ORIGINS = 4;

  private final List<String> eligible;
  private final Method defaultMethod;

  /** {@code eligible} in preference order; the default pair is used when no evidence exists. */
  ModelChooser(List<String> eligible, Method defaultMethod) {
    this.eligible = List.copyOf(eligible);
    this.defaultMethod = defaultMethod;
  }

  /** The two eligible models with the smallest mean scaled error (the default pair without evidence). */
  Method combo(List<OriginRun> evidence) {
    List<String> ranked = new ArrayList<>();
    for (String m : eligible) {
      if (evidence.stream().anyMatch(r -> r.has(Method.single(m)))) {
        ranked.add(m);
      }
    }
    if (ranked.size() < 2) {
      return defaultMethod;
    }
    ranked.sort(Comparator.comparingDouble(m -> meanScaledError(evidence, Method.single(m))));
    return Method.pair(ranked.get(0), ranked.get(1));
  }

  /** The method with the smallest mean scaled error over {@code pool}; the default first on ties. */
  Method chosen(List<OriginRun> pool) {
    Set<Object> origins = new LinkedHashSet<>();
    pool.forEach(r -> origins.add(r.origin));
    if (origins.size() < MIN_ORIGINS) {
      return defaultMethod;
    }
    Method best = defaultMethod;
    double bestError = meanScaledError(pool, defaultMethod);
    for (Method candidate : candidates()) {
      double e = meanScaledError(pool, candidate);
      if (e < bestError) {
        best = candidate;
        bestError = e;
      }
    }
    return best;
  }

  /** Every eligible single model and pair. */
  private List<Method> candidates() {
    List<Method> all = new ArrayList<>();
    for (int i = 0; i < eligible.size(); i++) {
      all.add(Method.single(eligible.get(i)));
      for (int j = i + 1; j < eligible.size(); j++) {
        all.add(Method.pair(eligible.get(i), eligible.get(j)));
      }
    }
    return all;
  }

  /** Mean over the runs that have the method; +∞ when none has it. */
  static double meanScaledError(List<OriginRun> evidence, Method method) {
    double sum = 0;
    int count = 0;
    for (OriginRun r : evidence) {
      if (r.has(method)) {
        sum += r.scaledError(method);
        count++;
      }
    }
    return count == 0 ? Double.POSITIVE_INFINITY : sum / count;
  }
}
