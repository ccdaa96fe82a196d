package org.civicpulse.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Level figures worked out by hand from six per-series rows. */
class LevelAccuracyTest {

  @Test
  void meansPerLevelLeaveScaleZeroSeriesOut() {
    List<LevelAccuracy.SeriesRow> rows = List.of(
        // area: one series, chosen 0.8 against snaive 1.0 → ratio 0.8
        new LevelAccuracy.SeriesRow("area", "chosen", 0.8, 0.75, 0.9),
        new LevelAccuracy.SeriesRow("area", "snaive", 1.0, null, null),
        new LevelAccuracy.SeriesRow("area", "ets", 0.7, 0.5, 0.5),
        // cell: three series, one flat (no MASE); chosen (0.6 + 1.0) / 2 = 0.8, snaive (1.2 + 0.4) / 2 = 0.8
        new LevelAccuracy.SeriesRow("cell", "chosen", 0.6, 1.0, 1.0),
        new LevelAccuracy.SeriesRow("cell", "chosen", 1.0, 0.5, 0.8),
        new LevelAccuracy.SeriesRow("cell", "chosen", null, 0.0, 0.0),
        new LevelAccuracy.SeriesRow("cell", "snaive", 1.2, null, null),
        new LevelAccuracy.SeriesRow("cell", "snaive", 0.4, null, null),
        new LevelAccuracy.SeriesRow("cell", "snaive", Double.NaN, null, null));
    List<LevelAccuracy.Level> levels = LevelAccuracy.of(rows);
    assertThat(levels).extracting(LevelAccuracy.Level::level).as("only levels with series, top down")
        .containsExactly("area", "cell");

    LevelAccuracy.Level area = levels.get(0);
    assertThat(area.series()).isEqualTo(1);
    assertThat(area.scale0()).isZero();
    assertThat(area.ratio()).as("0.8 / 1.0; the ets row is not chosen").isCloseTo(0.8, within(1e-12));
    assertThat(area.coverage80()).isEqualTo(0.75);

    LevelAccuracy.Level cell = levels.get(1);
    assertThat(cell.series()).isEqualTo(3);
    assertThat(cell.scale0()).as("the flat series").isEqualTo(1);
    assertThat(cell.maseChosen()).isCloseTo(0.8, within(1e-12));
    assertThat(cell.maseSnaive()).isCloseTo(0.8, within(1e-12));
    assertThat(cell.ratio()).isCloseTo(1.0, within(1e-12));
    assertThat(cell.coverage80()).as("(1.0 + 0.5) / 2: the flat series' 0 coverage is left out").isCloseTo(0.75, within(1e-12));
    assertThat(cell.coverage95()).isCloseTo(0.9, within(1e-12));
  }

  @Test
  void aLevelWhoseSeriesAllLackMaseHasNoMeans() {
    List<LevelAccuracy.Level> levels = LevelAccuracy.of(List.of(
        new LevelAccuracy.SeriesRow("community", "chosen", null, 0.5, 0.5),
        new LevelAccuracy.SeriesRow("community", "snaive", 0.0, null, null)));
    LevelAccuracy.Level c = levels.get(0);
    assertThat(c.series()).isEqualTo(1);
    assertThat(c.scale0()).isEqualTo(1);
    assertThat(c.maseChosen()).isNull();
    assertThat(c.maseSnaive()).isEqualTo(0.0);
    assertThat(c.ratio()).as("no chosen mean, and a 0 denominator").isNull();
    assertThat(c.coverage80()).isNull();
  }
}
