package org.civicpulse.forecast;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.civicpulse.forecast.models.GbmRegressor;
import org.civicpulse.forecast.models.GbmTrainer;
import org.civicpulse.forecast.models.IsoWeek;
import org.civicpulse.forecast.models.PooledRows;
import org.civicpulse.forecast.models.PooledSeries;
import org.civicpulse.forecast.models.WeeklySeries;

/**
 * Trains the global {@code gbm} once per origin week: for each week at which the forecaster fits candidates
 * (inner and outer backtest origins, then the as-of week), the training series of every series at that week —
 * {@link SeriesForecaster#trainingSets}, so no row reaches past the origin — are scaled and pooled
 * ({@link PooledRows}, sampled down to {@value #MAX_ROWS} rows) and fitted by the trainer.
 */
public final class GlobalGbmTraining {
  /** Pooled rows per fit: 10,000 series × 3 years give about 800,000 at the last origin. */
  static final int MAX_ROWS = 100_000;
  static final long SEED = 20_260_401L;
  /** Fewer pooled rows than this → no model at that origin (each series falls back to its recent mean). */
  static final int MIN_ROWS = 50;

  private GlobalGbmTraining() {}

  /** One model per origin week; {@code series} in a fixed order (the sample depends on it). */
  public static Map<IsoWeek, GbmRegressor> train(Collection<WeeklySeries> series, SeriesForecaster forecaster, GbmTrainer trainer,
      Consumer<String> progress) {
    Map<IsoWeek, List<WeeklySeries>> byOrigin = new TreeMap<>();
    for (WeeklySeries s : series) {
      forecaster.trainingSets(s).forEach((week, train) ->
          byOrigin.computeIfAbsent(week, w -> new ArrayList<>()).add(train));
    }
    long t0 = System.nanoTime();
    Map<IsoWeek, GbmRegressor> models = new ConcurrentHashMap<>();
    // Origins are independent fits: in parallel (two cores here), each deterministic on its own.
    byOrigin.entrySet().parallelStream().forEach(e -> {
      PooledRows rows = PooledRows.of(e.getValue().stream().map(PooledSeries::new).toList(), MAX_ROWS, SEED);
      if (rows.size() >= MIN_ROWS) {
        models.put(e.getKey(), trainer.fit(rows));
      }
    });
    progress.accept(String.format(java.util.Locale.ROOT, "forecast: global gbm trained at %d origins in %.1f s",
        byOrigin.size(), (System.nanoTime() - t0) / 1e9));
    return new TreeMap<>(models);
  }
}
