package org.civicpulse.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.civicpulse.forecast.models.GbmModels;
import org.civicpulse.forecast.models.GbmRegressor;
import org.civicpulse.forecast.models.GlobalGbm;
import org.civicpulse.forecast.models.PooledRows;
import org.civicpulse.forecast.models.PooledSeries;
import org.civicpulse.forecast.models.WeeklySeries;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** The MLlib alternative of the global gbm (selectable in lake mode) on the shared-pattern series. */
class MllibGbtTrainerTest {
  @Test
  void learnsTheSharedSeasonAndIsRepeatable() {
    List<WeeklySeries> series = GlobalGbmTrainingTest.shared(1);
    PooledRows rows = PooledRows.of(series.stream().map(PooledSeries::new).toList(), 100_000, 1);
    MllibGbtTrainer trainer = new MllibGbtTrainer(SharedSpark.get());
    GlobalGbm a = at(series, trainer.fit(rows));
    GlobalGbm b = at(series, trainer.fit(rows));
    double level = 48; // series 11
    double[] f = a.forecast(series.get(11), 52).mean();
    // Measured 2.6 % (our own trees: 0.7 %): MLlib bins each feature into 32 candidate splits.
    assertThat(GlobalGbmTrainingTest.relativeError(f, level)).as("mean error ÷ level over a year ahead")
        .isLessThan(0.05);
    assertThat(b.forecast(series.get(11), 52).mean()).as("same seed, same forecast").containsExactly(f);
  }

  private static GlobalGbm at(List<WeeklySeries> series, GbmRegressor model) {
    return new GlobalGbm(GbmModels.of(Map.of(series.get(0).lastWeek(), model)));
  }
}
