package org.civicpulse.forecast.models;

/**
 * Fits one global {@code gbm} on pooled rows. Implementations: {@link BoostedTreesTrainer} (plain Java) and the
 * Spark MLlib one in the forecast package; both fit their round count on the rows marked as held out.
 */
public interface GbmTrainer extends java.io.Serializable {
  GbmRegressor fit(PooledRows rows);
}
