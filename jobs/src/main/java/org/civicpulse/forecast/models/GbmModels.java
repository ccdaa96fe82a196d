package org.civicpulse.forecast.models;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The global {@code gbm} model of each origin week, as the per-series pipeline sees them: a plain map, or (in
 * lake mode) a Spark broadcast of one.
 */
public interface GbmModels extends java.io.Serializable {
  /** The model trained on the weeks up to {@code origin}; empty when that origin had too few pooled rows. */
  Optional<GbmRegressor> at(IsoWeek origin);

  /** Models held in a map (copied). */
  static GbmModels of(Map<IsoWeek, GbmRegressor> byOrigin) {
    HashMap<IsoWeek, GbmRegressor> copy = new HashMap<>(byOrigin);
    return origin -> Optional.ofNullable(copy.get(origin));
  }
}
