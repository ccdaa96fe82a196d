package org.civicpulse.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides {@code combo} and {@code chosen} at an origin from evidence (origin runs whose actuals all lie at or
 * before that origin).
 *
 * <p>{@code chosen} starts from a default combination — ETS + Fourier-ARIMA for dense series, Croston + TSB
 * for intermittent ones — and leaves it only on strong evidence: another single model or pair must have a
 * scaled error at most {@link #SWITCH_RATIO} of the default's, summed over at least {@link #MIN_EVIDENCE}
 * evidence origins, and beat it at {@link #MIN_WIN_SHARE} of them. Picking the best from a handful of origins
 * is noisy (issue 4: 0.794 × snaive for the pick against 0.733 × for the plain mean in R), so the default
 * must be beaten clearly before it is abandoned.
 */
final class ModelChooser {
  static final double SWITCH_RATIO = 0.85;
  static final double MIN_WIN_SHARE = 0.7;
  static final int MIN_EVIDENCE = 4;

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

  Method chosen(List<OriginRun> evidence) {
    Method best = defaultMethod;
    double bestRatio = SWITCH_RATIO;
    for (Method candidate : candidates()) {
      double[] ratioAndWins = compare(evidence, candidate, defaultMethod);
      if (ratioAndWins == null) {
        continue;
      }
      if (ratioAndWins[0] <= bestRatio && ratioAndWins[1] >= MIN_WIN_SHARE) {
        best = candidate;
        bestRatio = ratioAndWins[0];
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

  /** {error ratio candidate ÷ reference, share of origins the candidate wins}; null with too little evidence. */
  private static double[] compare(List<OriginRun> evidence, Method candidate, Method reference) {
    double sumCandidate = 0;
    double sumReference = 0;
    int count = 0;
    int wins = 0;
    for (OriginRun r : evidence) {
      if (!r.has(candidate) || !r.has(reference)) {
        continue;
      }
      double c = r.scaledError(candidate);
      double ref = r.scaledError(reference);
      sumCandidate += c;
      sumReference += ref;
      count++;
      if (c < ref) {
        wins++;
      }
    }
    if (count < MIN_EVIDENCE || sumReference <= 0) {
      return null;
    }
    return new double[] {sumCandidate / sumReference, (double) wins / count};
  }

  private static double meanScaledError(List<OriginRun> evidence, Method method) {
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
