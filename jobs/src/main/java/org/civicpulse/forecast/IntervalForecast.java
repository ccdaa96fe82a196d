package org.civicpulse.forecast;

/** A forecast path with its 80 % and 95 % bounds (index 0 = horizon step 1). */
public record IntervalForecast(double[] mean, double[] lo80, double[] hi80, double[] lo95, double[] hi95)
    implements java.io.Serializable {
  public int horizon() {
    return mean.length;
  }
}
