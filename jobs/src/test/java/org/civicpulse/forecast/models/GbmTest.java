package org.civicpulse.forecast.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.civicpulse.forecast.models.SeriesFixtures.series;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** gbm: its trees and boosting on hand-computed data, then the model on series with a known answer. */
class GbmTest {
  // x = 1, 2, 3, 10, 11, 12 with y = 1, 1, 2, 8, 9, 10.
  private static final double[][] X = {{1}, {2}, {3}, {10}, {11}, {12}};
  private static final double[] Y = {1, 1, 2, 8, 9, 10};

  @Test
  void aSingleSplitSeparatesTheTwoGroupsAtTheMidpointWithTheirMeansAsLeaves() {
    // Split 3|10 leaves SSE 2/3 + 2 = 2.67; the next best, 2|3, leaves 0 + 38.75. Leaf means 4/3 and 9.
    RegressionTree tree = RegressionTree.fit(X, Y, RegressionTree.sortByFeature(X, 1), 1, 1);
    assertThat(tree.rootFeature()).isZero();
    assertThat(tree.rootThreshold()).isEqualTo(6.5);
    assertThat(tree.predict(new double[] {2})).isCloseTo(4.0 / 3, within(1e-12));
    assertThat(tree.predict(new double[] {11})).isCloseTo(9.0, within(1e-12));
  }

  @Test
  void minLeafForbidsSplitsThatLeaveTooFewRows() {
    // With 4 rows a side required no split of 6 rows is allowed: a single leaf at the mean 31/6.
    RegressionTree tree = RegressionTree.fit(X, Y, RegressionTree.sortByFeature(X, 1), 1, 4);
    assertThat(tree.rootFeature()).isEqualTo(-1);
    assertThat(tree.predict(new double[] {1})).isCloseTo(31.0 / 6, within(1e-12));
  }

  @Test
  void oneBoostingRoundMovesTheMeanByShrinkageTimesTheResidualLeafMean() {
    // Base 31/6; residual leaf mean on the left = 4/3 − 31/6 = −23/6; ν = 0.1 → 31/6 − 2.3/6 = 4.78333…
    BoostedTrees model = BoostedTrees.fit(X, Y, 1, 0.1, 1, 1);
    assertThat(model.predict(new double[] {1})).isCloseTo(28.7 / 6, within(1e-12));
    assertThat(model.predict(new double[] {1}, 0)).isCloseTo(31.0 / 6, within(1e-12));
    // Right leaf: residual mean 9 − 31/6 = 23/6 → 31/6 + 2.3/6.
    assertThat(model.predict(new double[] {12})).isCloseTo(33.3 / 6, within(1e-12));
  }

  @Test
  void aPureSeasonalStepIsLearnedWithinHalfARequest() {
    // 10 in the first half of every 52-week cycle, 30 in the second; 156 weeks → lag 52 is a feature and
    // the held-out weeks pick enough rounds for the residual (20 · 0.9^r) to vanish.
    WeeklySeries s = series(156, t -> t % 52 < 26 ? 10 : 30);
    double[] f = new Gbm().forecast(s, 52).mean();
    for (int step = 1; step <= 52; step++) {
      double expected = (155 + step) % 52 < 26 ? 10 : 30;
      assertThat(f[step - 1]).as("step %d", step).isCloseTo(expected, within(0.5));
    }
  }

  @Test
  void aLevelShiftIsCarriedForward() {
    // 5 a week, then 20 for the last 46 of 156 weeks. Both levels occur in every part of the year, so the
    // calendar terms cannot explain the shift (over a single year a shift and a season look alike); the lags can.
    // Tolerance 10 % of the level: the jump week itself (every lag says 5, the target is 20) is fitted by
    // calendar splits, which move the forecast weeks of the same phase by about 1.
    WeeklySeries s = series(156, t -> t < 110 ? 5 : 20);
    assertThat(boxed(new Gbm().forecast(s, 13).mean())).allSatisfy(v -> assertThat(v).isCloseTo(20, within(2.0)));
  }

  @Test
  void aPlantedHolidayDipReachesAFutureHolidayWeek() {
    // Holidays at irregular positions (lag 52 cannot carry them) at 40 against 100; a future holiday at step 6.
    // Trees need MIN_LEAF (5) holiday rows to split on the flag: 10 lie after position 52 (about a US year's worth).
    Set<IsoWeek> holidays = java.util.stream.IntStream.of(20, 45, 60, 71, 79, 90, 98, 109, 121, 130, 142, 150, 155 + 6)
        .mapToObj(SeriesFixtures.START::plusWeeks).collect(java.util.stream.Collectors.toSet());
    WeeklySeries s = series(156, t -> holidays.contains(SeriesFixtures.START.plusWeeks(t)) ? 40 : 100, holidays);
    double[] f = new Gbm().forecast(s, 13).mean();
    assertThat(f[5]).isCloseTo(40, within(2.0));
    assertThat(f[4]).isCloseTo(100, within(2.0));
  }

  @Test
  void forecastsOfAFallingSeriesAreNeverNegativeAndFeedBackFloored() {
    // The series hits 0 at week 120 and stays there; any negative step fed back would drag later steps lower.
    WeeklySeries falling = series(156, t -> Math.max(0, 60 - 0.5 * t));
    double[] f = new Gbm().forecast(falling, 52).mean();
    assertThat(boxed(f)).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
  }

  @Test
  void identicalInputGivesIdenticalOutput() {
    WeeklySeries noisy = series(150, t -> 20 + (t * 7919 % 13) + 5 * Math.sin(t / 8.3));
    assertThat(new Gbm().forecast(noisy, 26).mean()).containsExactly(new Gbm().forecast(noisy, 26).mean());
  }

  @Test
  void roundsAreChosenOnTheHeldOutWeeks() {
    // A constant series has no residual to fit: every round count ties, and the fewest (0) wins.
    WeeklySeries constant = series(120, t -> 7);
    assertThat(Gbm.chooseRounds(constant.values(), GbmFeatures.forSeries(constant))).isZero();
    // The seasonal step needs many rounds: 20 · 0.9^r must fall below the held-out tolerance.
    WeeklySeries step = series(156, t -> t % 52 < 26 ? 10 : 30);
    assertThat(Gbm.chooseRounds(step.values(), GbmFeatures.forSeries(step))).isGreaterThanOrEqualTo(40);
  }

  private static java.util.List<Double> boxed(double[] v) {
    return java.util.Arrays.stream(v).boxed().toList();
  }
}
