package org.civicpulse.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.civicpulse.forecast.models.BoostedTreesTrainer;
import org.civicpulse.forecast.models.GbmModels;
import org.civicpulse.forecast.models.GbmRegressor;
import org.civicpulse.forecast.models.GlobalGbm;
import org.civicpulse.forecast.models.IsoWeek;
import org.civicpulse.forecast.models.WeeklySeries;
import org.junit.jupiter.api.Test;

/** The global gbm trained once per origin over all series: no look-ahead, a shared pattern learned, determinism. */
class GlobalGbmTrainingTest {
  static final IsoWeek START = IsoWeek.parse("2020-W01");
  static final BacktestSpec SPEC = BacktestSpec.of(4, 13, 13);
  static final int WEEKS = 180;
  /** Irregular holiday weeks (lag 52 cannot carry them), two of them in the forecast year after week 179. */
  static final Set<IsoWeek> HOLIDAYS = IntStream.of(20, 45, 60, 71, 79, 90, 98, 109, 121, 130, 142, 150, 163, 171,
      179 + 9, 179 + 30).mapToObj(START::plusWeeks).collect(Collectors.toSet());

  /**
   * 24 series of levels 4 … 96 sharing one shape: level × (1 + 0.4 sin(2πt/52.18)), × 0.5 in holiday weeks, times
   * a little multiplicative noise (± 5 %, seeded per series).
   */
  static List<WeeklySeries> shared(long seed) {
    List<WeeklySeries> out = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      Random rnd = new Random(seed + i);
      double level = 4 * (i + 1);
      double[] v = new double[WEEKS];
      for (int t = 0; t < WEEKS; t++) {
        v[t] = pattern(level, t) * (1 + 0.05 * (2 * rnd.nextDouble() - 1));
      }
      out.add(new WeeklySeries(START, v, HOLIDAYS));
    }
    return out;
  }

  static double pattern(double level, int t) {
    double season = level * (1 + 0.4 * Math.sin(2 * Math.PI * t / 52.18));
    return HOLIDAYS.contains(START.plusWeeks(t)) ? 0.5 * season : season;
  }

  static Map<IsoWeek, GbmRegressor> models(List<WeeklySeries> series) {
    return GlobalGbmTraining.train(series, new SeriesForecaster(SPEC), new BoostedTreesTrainer(), m -> {});
  }

  /** Mean absolute error of a forecast of the year after week {@code WEEKS − 1} against the pattern, ÷ level. */
  static double relativeError(double[] forecast, double level) {
    double error = 0;
    for (int step = 1; step <= forecast.length; step++) {
      error += Math.abs(forecast[step - 1] - pattern(level, WEEKS - 1 + step));
    }
    return error / forecast.length / level;
  }

  static GbmModels train(List<WeeklySeries> series) {
    return GbmModels.of(models(series));
  }

  /** The models of {@code shared(1)}, trained once for the tests that only read them. */
  private static final class Clean {
    static final Map<IsoWeek, GbmRegressor> MODELS = models(shared(1));
  }

  @Test
  void oneModelPerFitOriginIsTrained() {
    Map<IsoWeek, GbmRegressor> models = Clean.MODELS;
    // 180 weeks, h 13, step 13: outer origins at positions 127, 140, 153, 166, inner at 75, 88, 101, 114 (the
    // first outer minus 13 minus 0..3 steps), and the as-of week 179.
    assertThat(models.keySet()).as("origin weeks").containsExactlyElementsOf(
        IntStream.of(75, 88, 101, 114, 127, 140, 153, 166, 179).mapToObj(START::plusWeeks).toList());
  }

  @Test
  void aHugeValuePlantedAfterAnOriginChangesNoGbmForecastAtIt() {
    List<WeeklySeries> clean = shared(1);
    List<WeeklySeries> planted = new ArrayList<>(clean);
    double[] v = clean.get(5).values();
    int origin = 140;
    v[origin + 1] = 1e6;
    planted.set(5, new WeeklySeries(START, v, HOLIDAYS));
    GlobalGbm before = new GlobalGbm(GbmModels.of(Clean.MODELS));
    GlobalGbm after = new GlobalGbm(train(planted));
    for (int p : new int[] {75, 127, 140}) {
      for (int i = 0; i < clean.size(); i++) {
        WeeklySeries train = planted.get(i).head(p + 1);
        assertThat(after.forecast(train, 13).mean()).as("series %d at origin position %d", i, p)
            .containsExactly(before.forecast(train, 13).mean());
      }
    }
    // The plant does reach the next origin's model: every other series' forecast there moves.
    WeeklySeries other = clean.get(0).head(154);
    assertThat(after.forecast(other, 13).mean()).as("series 0 at the next origin")
        .isNotEqualTo(before.forecast(other, 13).mean());
  }

  @Test
  void theSharedSeasonAndHolidayDipAreLearnedAcrossSeries() {
    List<WeeklySeries> series = shared(1);
    GlobalGbm gbm = new GlobalGbm(GbmModels.of(Clean.MODELS));
    for (int i : new int[] {0, 11, 23}) {
      double level = 4 * (i + 1);
      double[] f = gbm.forecast(series.get(i), 52).mean();
      // Mean absolute error against the noise-free pattern within 3 % of the level over a year ahead (measured:
      // 0.7 % for series 0; the ± 5 % noise alone averages 2.5 %).
      assertThat(relativeError(f, level)).as("series %d: mean error ÷ level", i).isLessThan(0.03);
      // The holiday 9 weeks ahead sits at about half its neighbours (measured: 0.56 for series 0).
      double dip = f[8] / ((f[7] + f[9]) / 2);
      assertThat(dip).as("series %d: holiday ÷ neighbours", i).isCloseTo(0.5, within(0.12));
    }
  }

  @Test
  void theSameSeriesGiveTheSameForecasts() {
    GlobalGbm a = new GlobalGbm(train(shared(2)));
    GlobalGbm b = new GlobalGbm(train(shared(2)));
    for (WeeklySeries s : shared(2)) {
      assertThat(a.forecast(s, 26).mean()).as("same seed, same forecast").containsExactly(b.forecast(s, 26).mean());
    }
  }
}
