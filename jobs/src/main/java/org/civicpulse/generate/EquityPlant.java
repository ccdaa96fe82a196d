package org.civicpulse.generate;

/**
 * Planted truth for the equity lens ({@code generate --plant-equity}; docs/metrics.md, "Equity"): the third
 * community is served {@value #SLOWER_FACTOR} × slower for every category (its resolution medians scaled up), and
 * the seventh asks for slow kinds of service — categories whose resolution median is above the median category's
 * {@value #TILT} × as often, the others 1/{@value #TILT} as often — but is served at the city's pace. Without the
 * flag every community is served alike.
 */
final class EquityPlant {
  static final double SLOWER_FACTOR = 1.4;
  static final double TILT = 2.5;
  /** Indexes (0-based) of the slower community (C03) and the slow-mix one (C07). */
  static final int SLOWER = 2;
  static final int SLOW_MIX = 6;
  static final EquityPlant NONE = new EquityPlant(false, 0);

  private final boolean on;
  private final double medianResolution;

  private EquityPlant(boolean on, double medianResolution) {
    this.on = on;
    this.medianResolution = medianResolution;
  }

  /** Planted, with the categories' median resolution median as the line between slow and fast kinds. */
  static EquityPlant of(boolean on, CategoryCatalogue categories) {
    if (!on) {
      return NONE;
    }
    double[] medians = categories.all().stream().mapToDouble(Category::resolutionMedianHours).sorted().toArray();
    return new EquityPlant(true, org.civicpulse.stats.Percentiles.exact(medians, 0.5));
  }

  /** The factor on a request's resolution median in this community. */
  double serviceFactor(Community c) {
    return on && c.index() == SLOWER ? SLOWER_FACTOR : 1.0;
  }

  /** The factor on this community's expected count of this category. */
  double demandFactor(Community c, Category k) {
    if (!on || c.index() != SLOW_MIX) {
      return 1.0;
    }
    return k.resolutionMedianHours() > medianResolution ? TILT : 1 / TILT;
  }
}
