package org.civicpulse.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The anomaly rule on hand-computed cases (median, MAD and z worked out on paper in each comment). */
class RobustZTest {
  @Test
  void plantedSpikeIsFlagged() {
    // median 11.5; |deviations| 1.5,0.5,0.5,1.5,0.5,0.5,1.5,0.5 → MAD 0.5; z = 28.5 / (1.4826·0.5) = 38.446
    RobustZ.Result r = RobustZ.score(40, new double[] {10, 12, 11, 13, 12, 11, 10, 12});
    assertThat(r.z().getAsDouble()).isCloseTo(38.446, within(0.001));
    assertThat(r.flag()).isTrue();
  }

  @Test
  void smoothlyRisingSeasonIsNotFlagged() {
    // median 27; deviations 7,5,3,1,1,3,5,7 → MAD 4; z = 9 / 5.9304 = 1.5176
    RobustZ.Result r = RobustZ.score(36, new double[] {20, 22, 24, 26, 28, 30, 32, 34});
    assertThat(r.z().getAsDouble()).isCloseTo(1.5176, within(0.0001));
    assertThat(r.flag()).isFalse();
  }

  @Test
  void allEqualLowSeriesHasNoZAndIsFlaggedOnlyByAJumpOfTen() {
    double[] flat = {5, 5, 5, 5, 5, 5, 5, 5};
    assertThat(RobustZ.score(8, flat).z()).isEmpty();
    assertThat(RobustZ.score(8, flat).flag()).as("|8 − 5| < 10").isFalse();
    assertThat(RobustZ.score(15, flat).flag()).as("|15 − 5| ≥ 10 and 15 ≥ 10").isTrue();
  }

  @Test
  void madZeroFallsBackToMeanAbsoluteDeviation() {
    // median 10, MAD 0; mean |dev| = 20/8 = 2.5 → scale 1.2533·2.5 = 3.13325; z(30) = 20 / 3.13325 = 6.3832
    RobustZ.Result r = RobustZ.score(30, new double[] {10, 10, 10, 10, 10, 10, 10, 30});
    assertThat(r.z().getAsDouble()).isCloseTo(6.3832, within(0.0001));
    assertThat(r.flag()).isTrue();
  }

  @Test
  void shortHistoryGivesNothing() {
    RobustZ.Result r = RobustZ.score(100, new double[] {1, 2, 3, 4, 5});
    assertThat(r.z()).isEmpty();
    assertThat(r.flag()).isFalse();
  }

  @Test
  void percentilesInterpolateLinearly() {
    assertThat(Percentiles.exact(new double[] {1, 18}, 0.5)).isEqualTo(9.5);
    assertThat(Percentiles.exact(new double[] {0.5, 2}, 0.9)).isCloseTo(1.85, within(1e-12));
  }
}
