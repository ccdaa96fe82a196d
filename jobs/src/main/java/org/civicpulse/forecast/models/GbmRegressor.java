package org.civicpulse.forecast.models;

/** A fitted regression of one scaled {@code gbm} feature row (see {@link PooledSeries}) to the scaled target. */
public interface GbmRegressor extends java.io.Serializable {
  double predict(double[] features);
}
