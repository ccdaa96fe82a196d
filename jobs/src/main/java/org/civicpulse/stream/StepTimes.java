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
  private final List<String> steps;

  public StepTimes() {
    this.steps = new ArrayList<>();
  }

  private StepTimes(List<String> shared) {
    this.steps = shared;
  }

  /**
   * A timer for work running beside the batch's other work (one per thread): its steps are timed from now and
   * go into this line, so they can add up to more than the batch's wall time.
   */
  StepTimes branch() {
    return new StepTimes(steps);
  }

  /** Ends the current step, naming it; returns its seconds. */
  public double lap(String step) {
    long now = System.nanoTime();
    double s = (now - last) / 1e9;
    last = now;
    synchronized (steps) {
      steps.add(String.format("%s %.1f", step, s));
    }
    return s;
  }

  double totalSeconds() {
    return (System.nanoTime() - start) / 1e9;
  }

  /** e.g. `in 4.2 s (topics 0.3, parse 1.1, …)`. */
  String summary() {
    synchronized (steps) {
      return String.format("in %.1f s (%s)", totalSeconds(), String.join(", ", steps));
    }
  }
}
