package org.civicpulse.generate;

/**
 * One service category: reference columns plus the generator's model of it (share of demand, monthly
 * seasonality, lognormal resolution time placed so that about {@code breachShare} of requests miss the SLA).
 */
record Category(
    int index,
    String code,
    String nameEn,
    String nameZh,
    int slaHours,
    String providerType,
    double share,
    double[] monthly,
    double resolutionSigma,
    double breachZ,
    String[] descriptions) {

  /** Median resolution in hours: the SLA sits breachZ standard deviations above it on the log scale. */
  double resolutionMedianHours() {
    return slaHours * Math.exp(-breachZ * resolutionSigma);
  }

  /** Seasonal multiplier for a day of the year, interpolated between mid-month values (mean ≈ 1). */
  double season(int dayOfYear) {
    double m = (dayOfYear - 15.5) / 30.44; // 0 = mid January
    int lo = (int) Math.floor(m);
    double w = m - lo;
    return monthly[Math.floorMod(lo, 12)] * (1 - w) + monthly[Math.floorMod(lo + 1, 12)] * w;
  }
}
