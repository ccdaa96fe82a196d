package org.civicpulse.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.civicpulse.forecast.models.IsoWeek;
import org.civicpulse.forecast.models.WeeklySeries;
import org.junit.jupiter.api.Test;

/** Origins, look-ahead and model choice of the per-series backtest. */
class SeriesForecasterTest {
  static final IsoWeek START = IsoWeek.parse("2013-W27");

  static WeeklySeries seasonalWithNoise(int n, long seed) {
    Random rnd = new Random(seed);
    double[] v = new double[n];
    for (int t = 0; t < n; t++) {
      v[t] = Math.max(0, 100 + 20 * Math.sin(2 * Math.PI * t / 52.18) + 0.1 * t + 8 * rnd.nextGaussian());
    }
    return new WeeklySeries(START, v);
  }

  @Test
  void originsFollowTheBostonProtocol() {
    // 2013-W27 … 2019-W13 is 300 weeks. Last origin leaves exactly 13 weeks up to 2019-W13 inclusive:
    // 2019-W01..W13, so it is 2018-W52; seven more, 13 weeks apart, before it.
    WeeklySeries s = seasonalWithNoise(300, 1);
    assertThat(s.lastWeek()).isEqualTo(IsoWeek.parse("2019-W13"));
    SeriesOutcome o = new SeriesForecaster(BacktestSpec.of(8, 13, 13)).run("x", s);
    assertThat(o.origins()).hasSize(8);
    assertThat(o.origins().get(7)).isEqualTo(IsoWeek.parse("2018-W52"));
    assertThat(o.origins().get(6)).isEqualTo(IsoWeek.parse("2018-W39"));
    assertThat(o.origins().get(0)).isEqualTo(IsoWeek.parse("2018-W52").plusWeeks(-91));
    // 8 output models (6 candidates, combo, chosen) × 8 origins, each scored on 13 actual weeks.
    assertThat(o.scores()).hasSize(8 * 8);
    assertThat(o.forecasts()).hasSize(8 * 13);
    assertThat(o.forecasts().get(0).asOfWeek()).isEqualTo(IsoWeek.parse("2019-W13"));
    assertThat(o.forecasts().get(0).week()).isEqualTo(IsoWeek.parse("2019-W14"));
  }

  @Test
  void fromAndToCutTheWindow() {
    WeeklySeries s = seasonalWithNoise(320, 2);
    BacktestSpec spec = new BacktestSpec(IsoWeek.parse("2014-W01"), IsoWeek.parse("2018-W52"), 2, 4, 6);
    SeriesOutcome o = new SeriesForecaster(spec).run("x", s);
    assertThat(o.origins()).containsExactly(IsoWeek.parse("2018-W42"), IsoWeek.parse("2018-W46"));
    assertThat(o.forecasts()).allSatisfy(r -> assertThat(r.asOfWeek()).isEqualTo(IsoWeek.parse("2018-W52")));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "step {0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {13, 5})
  void aValuePlantedAfterAnOriginReachesNoFitAndNoChoiceAtOrBeforeIt(int step) {
    // With step 5 < horizon 13 the plant also falls inside earlier origins' actual weeks: those origins must
    // not count as evidence (for choice or intervals) until all their actual weeks are past.
    BacktestSpec spec = BacktestSpec.of(5, step, 13);
    WeeklySeries clean = seasonalWithNoise(220, 3);
    SeriesOutcome reference = new SeriesForecaster(spec).run("x", clean);
    int k = 3;
    IsoWeek origin = reference.origins().get(k);
    double[] v = clean.values();
    v[clean.indexOf(origin) + 1] = 1e6; // the first week after origin k
    SeriesOutcome planted = new SeriesForecaster(spec).run("x", new WeeklySeries(START, v));

    for (int j = 0; j <= k; j++) {
      IsoWeek o = reference.origins().get(j);
      assertThat(planted.decisions().get(j)).isEqualTo(reference.decisions().get(j));
      for (String model : reference.models()) {
        IntervalForecast a = forecastAt(reference, model, o);
        IntervalForecast b = forecastAt(planted, model, o);
        assertThat(b.mean()).as("%s at %s", model, o).containsExactly(a.mean());
        assertThat(b.hi80()).as("%s interval at %s", model, o).containsExactly(a.hi80());
      }
    }
    // The plant is in the training data of the next origin: the check above would have seen a leak.
    IsoWeek next = reference.origins().get(k + 1);
    assertThat(forecastAt(planted, "ets", next).mean()).isNotEqualTo(forecastAt(reference, "ets", next).mean());
  }

  @Test
  void theBacktestPicksSeasonalNaiveWhereItIsExactlyRight() {
    // An irregular 52-week pattern repeated exactly: snaive has zero error, while 20 Fourier pairs cannot
    // carry a jagged 52-point shape. The evidence (inner origins) must move chosen off the default pair.
    Random rnd = new Random(7);
    double[] pattern = new double[52];
    for (int i = 0; i < 52; i++) {
      pattern[i] = 20 + rnd.nextInt(60);
    }
    double[] v = new double[260];
    for (int t = 0; t < v.length; t++) {
      v[t] = pattern[t % 52];
    }
    SeriesOutcome o = new SeriesForecaster(BacktestSpec.of(4, 13, 13)).run("jagged", new WeeklySeries(START, v));
    assertThat(o.decisions()).allSatisfy(d -> assertThat(d.chosen()).isEqualTo("snaive"));
    assertThat(o.decisions()).allSatisfy(d -> assertThat(d.combo()).contains("snaive"));
    assertThat(o.forecasts().stream().filter(r -> r.model().equals("chosen")).map(ForecastRow::forecast).toList())
        .containsExactlyElementsOf(expectedNext(v, 13));
  }

  @Test
  void withEvidenceFromFewerThanFourOriginWeeksChosenIsTheDefaultPair() {
    // 107 weeks, 2 origins 13 apart, horizon 13: outer origins at positions 80 and 93; the inner backtest before
    // the first keeps 54 and 67 (28 and 41 have under 53 training weeks). Evidence spans two origin weeks at
    // position 80, three at 93 (the run at 80 has its 13 actual weeks by then).
    SeriesOutcome o = new SeriesForecaster(BacktestSpec.of(2, 13, 13)).run("smooth", seasonalWithNoise(107, 4));
    assertThat(o.origins()).hasSize(2);
    assertThat(o.decisions()).allSatisfy(d -> assertThat(d.chosen()).isEqualTo("ets+fourier_arima"));
  }

  @Test
  void crostonAndTsbAreCandidatesForIntermittentSeriesOnly() {
    Random rnd = new Random(5);
    double[] rare = new double[107];
    for (int t = 0; t < rare.length; t++) {
      rare[t] = rnd.nextDouble() < 0.25 ? 1 + rnd.nextInt(4) : 0;
    }
    SeriesForecaster forecaster = new SeriesForecaster(BacktestSpec.of(4, 13, 13));
    SeriesOutcome dense = forecaster.run("dense", seasonalWithNoise(260, 8));
    assertThat(dense.decisions()).allSatisfy(d -> assertThat(d.chosen() + " " + d.combo())
        .doesNotContain("croston").doesNotContain("tsb"));
    // Intermittent: both are scored; with too little evidence the series starts, like every series, from
    // ETS + Fourier-ARIMA (docs/forecast.md: it beat Croston + TSB on the intermittent series of every set).
    SeriesOutcome intermittent = new SeriesForecaster(BacktestSpec.of(2, 13, 13)).run("rare",
        new WeeklySeries(START, rare));
    assertThat(intermittent.scores()).anySatisfy(x -> assertThat(x.model()).isEqualTo("croston"))
        .anySatisfy(x -> assertThat(x.model()).isEqualTo("tsb"));
    assertThat(intermittent.decisions()).allSatisfy(d -> assertThat(d.chosen()).isEqualTo("ets+fourier_arima"));
  }

  @Test
  void anExternallyProvidedForecastJoinsTheCandidatesAndIsChosenWhenItIsClearlyBest() {
    // An external model that knows the future: at every fit origin it forecasts the true next weeks.
    WeeklySeries s = seasonalWithNoise(240, 6);
    BacktestSpec spec = BacktestSpec.of(4, 13, 13);
    java.util.Map<IsoWeek, double[]> byOrigin = new java.util.HashMap<>();
    SeriesForecaster plain = new SeriesForecaster(spec);
    for (IsoWeek origin : plain.fitOrigins(s)) {
      double[] f = new double[13];
      int at = s.indexOf(origin);
      for (int i = 0; i < 13; i++) {
        f[i] = at + 1 + i < s.length() ? s.value(at + 1 + i) : 100;
      }
      byOrigin.put(origin, f);
    }
    assertThat(plain.fitOrigins(s)).hasSize(4 + 4 + 1).last().isEqualTo(s.lastWeek());
    List<org.civicpulse.forecast.models.ForecastModel> models = new java.util.ArrayList<>(
        org.civicpulse.forecast.models.Candidates.standard());
    models.add(new org.civicpulse.forecast.models.PrecomputedForecast("oracle", byOrigin));

    SeriesOutcome o = new SeriesForecaster(spec, models).run("x", s);

    assertThat(o.models()).containsExactly("snaive", "ets", "fourier_arima", "croston", "tsb", "gbm", "oracle", "combo",
        "chosen");
    assertThat(o.decisions()).allSatisfy(d -> assertThat(d.chosen()).isEqualTo("oracle"));
    assertThat(o.scores().stream().filter(x -> x.model().equals("chosen")).mapToDouble(OriginScore::mase))
        .allSatisfy(m -> assertThat(m).isZero());
  }

  @Test
  void aSeriesTooShortForAnyOriginStillGetsForecastsAndAWarning() {
    double[] v = new double[40];
    java.util.Arrays.fill(v, 3);
    SeriesOutcome o = new SeriesForecaster(BacktestSpec.of(4, 13, 13)).run("short", new WeeklySeries(START, v));
    assertThat(o.origins()).isEmpty();
    assertThat(o.scores()).isEmpty();
    assertThat(o.warnings()).anyMatch(w -> w.contains("0 of 4 origins"));
    assertThat(o.forecasts().stream().filter(r -> r.model().equals("chosen")).map(ForecastRow::forecast).toList())
        .hasSize(13).allSatisfy(f -> assertThat(f).isCloseTo(3.0, org.assertj.core.api.Assertions.within(1e-6)));
  }

  private static List<Double> expectedNext(double[] v, int h) {
    java.util.ArrayList<Double> out = new java.util.ArrayList<>();
    for (int s = 1; s <= h; s++) {
      out.add(v[v.length - 52 + s - 1]);
    }
    return out;
  }

  static IntervalForecast forecastAt(SeriesOutcome o, String model, IsoWeek origin) {
    return o.scores().stream().filter(s -> s.model().equals(model) && s.origin().equals(origin)).findFirst()
        .orElseThrow().forecast();
  }
}
