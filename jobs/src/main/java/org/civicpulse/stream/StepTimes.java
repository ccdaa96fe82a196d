package org.civicpulse.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one batch's time went, step by step, for its progress line: a batch's cost is mostly per batch (Spark
 * jobs, Delta commits), not per record, so tuning starts from which step takes the seconds.
 */
public final class StepTimes {
  private final long start = System.nanoTime();
  private long last = start;
  private final List<String> steps = new ArrayList<>();

  /** Ends the current step, naming it; returns its seconds. */
  public double lap(String step) {
    long now = System.nanoTime();
    double s = (now - last) / 1e9;
    last = now;
    steps.add(String.format("%s %.1f", step, s));
    return s;
  }

  double totalSeconds() {
    return (System.nanoTime() - start) / 1e9;
  }

  /** e.g. `in 4.2 s (topics 0.3, parse 1.1, …)`. */
  String summary() {
    return String.format("in %.1f s (%s)", totalSeconds(), String.join(", ", steps));
  }
}
