package org.civicpulse.forecast.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.civicpulse.forecast.models.SeriesFixtures.series;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scaled rows of the global gbm, checked by hand, and the pooled sample. */
class PooledSeriesTest {
  // 5 a week for a year, then 10 a week for a year: the level (mean of the last 52 weeks) is 10.
  private static final WeeklySeries STEP_UP = series(104, t -> t < 52 ? 5 : 10);

  @Test
  void rowsAreScaledByTheLastYearsMeanAndCarryTheSeriesLevel() {
    PooledSeries s = new PooledSeries(STEP_UP);
    assertThat(s.rowCount()).as("targets at positions 52..103").isEqualTo(52);
    double[] row = s.row(0);
    assertThat(row).as("features").hasSize(PooledSeries.featureCount());
    // Target position 52: lags 1–4, the 4- and 13-week means and lag 52 all look at the first year (5 / 10).
    for (int c = 0; c < 7; c++) {
      assertThat(row[c]).as("feature %d", c).isEqualTo(0.5);
    }
    assertThat(s.target(0)).as("target ÷ level").isEqualTo(1.0);
    assertThat(row[row.length - 2]).as("log(1 + level)").isCloseTo(Math.log(11), within(1e-12));
    assertThat(row[row.length - 1]).as("zero share of the last year").isZero();
    assertThat(row[row.length - 3]).as("holiday flag (no holidays)").isZero();
    assertThat(s.inLast(38, 13)).as("position 90 is in the last 13 weeks").isFalse();
    assertThat(s.inLast(39, 13)).as("position 91 is").isTrue();
  }

  @Test
  void forecastsAreRescaledToTheSeriesLevel() {
    // A model that always says 1.2 × level: 12 a week.
    assertThat(new PooledSeries(STEP_UP).forecast(f -> 1.2, 3)).containsExactly(12.0, 12.0, 12.0);
  }

  @Test
  void anAllZeroSeriesHasNoRowsAndForecastsZero() {
    PooledSeries zero = new PooledSeries(series(80, t -> 0));
    assertThat(zero.rowCount()).isZero();
    assertThat(zero.forecast(f -> 5, 2)).containsExactly(0.0, 0.0);
  }

  @Test
  void theSampleIsCappedAndRepeatable() {
    List<PooledSeries> all = List.of(new PooledSeries(STEP_UP), new PooledSeries(series(104, t -> 3 + t % 4)));
    assertThat(PooledRows.of(all, 1000, 7).size()).as("under the cap: every row").isEqualTo(104);
    PooledRows a = PooledRows.of(all, 50, 7);
    assertThat(a.size()).as("about half of 104").isBetween(35, 65);
    assertThat(PooledRows.of(all, 50, 7).y()).as("same seed, same rows").containsExactly(a.y());
  }
}
