package org.civicpulse.forecast.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.civicpulse.forecast.models.SeriesFixtures.phase;
import static org.civicpulse.forecast.models.SeriesFixtures.series;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each model on series whose right forecast is known. */
class ModelKnownAnswerTest {
  private static final int H = 13;

  @Test
  void everyModelForecastsAConstantAsThatConstant() {
    WeeklySeries constant = series(156, t -> 7.0);
    for (ForecastModel m : Candidates.standard()) {
      assertThat(boxed(m.forecast(constant, H).mean())).as(m.name()).allSatisfy(v -> assertThat(v).isCloseTo(7.0, within(1e-6)));
    }
  }

  @Test
  void seasonalNaiveRepeatsTheValue52PositionsEarlier() {
    WeeklySeries s = series(60, t -> t * t);
    double[] f = new SeasonalNaive().forecast(s, 54).mean();
    assertThat(f[0]).isEqualTo(8 * 8); // step 1 → position 60 − 52 = 8
    assertThat(f[51]).isEqualTo(59 * 59); // step 52 → position 59
    assertThat(f[52]).isEqualTo(8 * 8); // step 53 wraps to step 1's value
  }

  @Test
  void seasonalNaiveFallsBackToNaiveUnder52Points() {
    WeeklySeries s = series(30, t -> t);
    assertThat(new SeasonalNaive().forecast(s, 3).mean()).containsExactly(29, 29, 29);
  }

  @Test
  void fourierArimaExtendsAPureLinearTrendExactly() {
    // KPSS rejects stationarity of the trend → one difference; the drift (0.5 a week) is then all there is.
    WeeklySeries trend = series(156, t -> 10 + 0.5 * t);
    double[] f = new FourierArima().forecast(trend, H).mean();
    for (int s = 1; s <= H; s++) {
      assertThat(f[s - 1]).as("step %d", s).isCloseTo(10 + 0.5 * (155 + s), within(1e-6));
    }
  }

  @Test
  void etsFollowsAPureLinearTrendWithinItsDamping() {
    // Damped trend (φ ≤ 0.98) must fall short of the straight line, but by no more than the slope times
    // the damping loss: 0.5 · (13 − Σ 0.98^i, i=1..13) ≈ 0.85 at step 13.
    WeeklySeries trend = series(156, t -> 10 + 0.5 * t);
    double[] f = new EtsModel().forecast(trend, H).mean();
    assertThat(f[0]).isCloseTo(10 + 0.5 * 156, within(0.1));
    assertThat(f[H - 1]).isCloseTo(10 + 0.5 * 168, within(0.9));
    assertThat(f[H - 1]).isGreaterThan(f[0] + 5);
  }

  @Test
  void fourierModelsReproducePureSeasonalityWithinOnePercentOfTheAmplitude() {
    IntToDouble shape = t -> 50 + 10 * Math.sin(phase(t)) + 4 * Math.cos(2 * phase(t)) - 3 * Math.sin(3 * phase(t));
    WeeklySeries s = series(156, shape::at);
    for (ForecastModel m : new ForecastModel[] {new FourierArima(), new EtsModel()}) {
      double[] f = m.forecast(s, 26).mean();
      for (int step = 1; step <= 26; step++) {
        assertThat(f[step - 1]).as("%s step %d", m.name(), step).isCloseTo(shape.at(155 + step), within(0.1));
      }
    }
  }

  @Test
  void etsReadsTheSeasonAroundALevelThatGrowsFasterThanAStraightLine() {
    // y = 0.01·t² + 10·sin(year phase) over 4 years. The centred 2×52-week moving average of t² is t² plus a
    // constant (the window's spread), and of the sine all but nothing (a 52-week window over a 52.18-week year),
    // so the season fitted around that level is the sine; a regression on a straight trend reads part of the
    // parabola as season (2.3 off at its worst, measured).
    WeeklySeries s = series(208, t -> 0.01 * t * t + 10 * Math.sin(phase(t)));
    FourierDesign design = FourierDesign.build(s, H, true, FourierDesign.maxPairsFor(208));
    SeasonalRegression around = SeasonalRegression.selectAroundLevel(design, s.values());
    for (int t = 0; t < 208 + H; t++) {
      assertThat(around.seasonal(t)).as("season at %d", t).isCloseTo(10 * Math.sin(phase(t)), within(0.1));
    }
    assertThat(SeasonalRegression.AROUND_LEVEL_MIN).as("three years of training: a year of level each side").isEqualTo(156);
  }

  @Test
  void etsMovesTheLevelOfAnIntermittentSeriesAtMostFivePercentOfABurstAWeek() {
    // 197 weeks at zero, then three at 1000: intermittent. ETS(A,N,N) follows the burst as far as α = 0.05 lets
    // it: a level of 1000 · (1 − 0.95³) = 142.625, flat (no trend); the season fitted around the moving level
    // moves it by under 2. With a free α and a trend the forecast rose from 330 to 650.
    WeeklySeries s = series(200, t -> t >= 197 ? 1000 : 0);
    assertThat(boxed(new EtsModel().forecast(s, H).mean()))
        .allSatisfy(v -> assertThat(v).isCloseTo(1000 * (1 - Math.pow(0.95, 3)), within(2.0)));
  }

  @Test
  void seasonalNaiveReproducesAnExact52WeekPattern() {
    WeeklySeries s = series(156, t -> (t % 52) * 3 % 17);
    double[] f = new SeasonalNaive().forecast(s, 52).mean();
    for (int step = 1; step <= 52; step++) {
      assertThat(f[step - 1]).isEqualTo(((155 + step) % 52) * 3 % 17);
    }
  }

  @Test
  void regressionModelsCarryAPlantedHolidayDipIntoAFutureHolidayWeek() {
    // A moving holiday (not 52 weeks apart) at 40 against a level of 100; one future holiday at step 6.
    Set<IsoWeek> holidays = Set.of(SeriesFixtures.START.plusWeeks(20), SeriesFixtures.START.plusWeeks(73),
        SeriesFixtures.START.plusWeeks(124), SeriesFixtures.START.plusWeeks(155 + 6));
    WeeklySeries s = series(156, t -> t == 20 || t == 73 || t == 124 ? 40 : 100, holidays);
    for (ForecastModel m : new ForecastModel[] {new FourierArima(), new EtsModel()}) {
      double[] f = m.forecast(s, H).mean();
      assertThat(f[5]).as(m.name() + " holiday week").isCloseTo(40, within(1.0));
      assertThat(f[4]).as(m.name() + " ordinary week").isCloseTo(100, within(1.0));
    }
  }

  @Test
  void seasonalNaiveCarriesADipFrom52WeeksEarlier() {
    WeeklySeries s = series(156, t -> t == 109 ? 40 : 100);
    double[] f = new SeasonalNaive().forecast(s, H).mean();
    assertThat(f[5]).isEqualTo(40); // step 6 → position 156 − 52 + 5 = 109
    assertThat(f[4]).isEqualTo(100);
  }

  @Test
  void crostonMatchesAHandComputation() {
    // Demands 3 (position 2), 2 (6), 5 (8); α = 0.1. Start: size 3, interval 3 (position 2 is the 3rd week).
    // After 2 (interval 4): size 3 + 0.1·(2 − 3) = 2.9, interval 3 + 0.1·(4 − 3) = 3.1.
    // After 5 (interval 2): size 2.9 + 0.1·(5 − 2.9) = 3.11, interval 3.1 + 0.1·(2 − 3.1) = 2.99.
    WeeklySeries s = new WeeklySeries(SeriesFixtures.START, new double[] {0, 0, 3, 0, 0, 0, 2, 0, 5, 0});
    assertThat(new Croston(0.1).forecast(s, 3).mean())
        .containsExactly(new double[] {3.11 / 2.99, 3.11 / 2.99, 3.11 / 2.99}, within(1e-12));
  }

  @Test
  void crostonFitsAlphaFromItsGridBySse() {
    double[] y = {0, 0, 3, 0, 0, 0, 2, 0, 5, 0, 0, 1, 0, 0, 0, 0, 8, 0, 0, 2};
    double alpha = Croston.fitAlpha(y);
    for (double a : Croston.ALPHA_GRID) {
      assertThat(Croston.run(y, alpha)[1]).isLessThanOrEqualTo(Croston.run(y, a)[1] + 1e-12);
    }
    assertThat(new Croston().forecast(new WeeklySeries(SeriesFixtures.START, y), 1).at(1))
        .isEqualTo(Croston.run(y, alpha)[0]);
  }

  @Test
  void tsbMatchesAHandComputation() {
    // y = 0, 2, 0, 4; α = β = 0.5; start p = 2/4, size = 3.
    // p: 0.25, 0.625, 0.3125, 0.65625; size: 2.5 after the 2, 3.25 after the 4 → 0.65625 · 3.25.
    assertThat(Tsb.run(new double[] {0, 2, 0, 4}, 0.5, 0.5)[0]).isCloseTo(2.1328125, within(1e-12));
  }

  @Test
  void tsbDecaysAfterDemandStopsButCrostonDoesNot() {
    WeeklySeries s = series(104, t -> t < 52 && t % 4 == 0 ? 6 : 0);
    double tsb = new Tsb().forecast(s, 1).at(1);
    double croston = new Croston().forecast(s, 1).at(1);
    assertThat(croston).isCloseTo(1.5, within(0.01)); // 6 every 4 weeks
    assertThat(tsb).isLessThan(0.5);
  }

  @Test
  void forecastsAreNeverNegative() {
    WeeklySeries falling = series(156, t -> Math.max(0, 60 - 0.5 * t));
    for (ForecastModel m : Candidates.standard()) {
      assertThat(boxed(m.forecast(falling, 52).mean())).as(m.name()).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(0));
    }
  }

  private static java.util.List<Double> boxed(double[] v) {
    return java.util.Arrays.stream(v).boxed().toList();
  }

  /** t → value. */
  @FunctionalInterface
  interface IntToDouble {
    double at(int t);
  }
}
