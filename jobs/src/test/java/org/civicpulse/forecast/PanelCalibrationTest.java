package org.civicpulse.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.civicpulse.forecast.models.IsoWeek;
import org.civicpulse.forecast.models.PointForecast;
import org.civicpulse.forecast.models.WeeklySeries;
import org.junit.jupiter.api.Test;

/** Intervals calibrated on a panel: coverage where the truth is known, no look-ahead, leave-series-out. */
class PanelCalibrationTest {
  static final IsoWeek START = IsoWeek.parse("2020-W01");
  static final BacktestSpec SPEC = BacktestSpec.of(8, 13, 13);

  /** 12 seasonal series with Gaussian noise of known size (coefficient of variation 0.1 … 0.3), 260 weeks. */
  static List<Map.Entry<String, WeeklySeries>> knownNoisePanel() {
    Random rnd = new Random(20261206);
    List<Map.Entry<String, WeeklySeries>> panel = new ArrayList<>();
    for (int s = 0; s < 12; s++) {
      double level = 50 + 40 * s;
      double cv = 0.1 + 0.1 * (s % 3);
      double[] v = new double[260];
      for (int t = 0; t < v.length; t++) {
        double mu = level * (1 + 0.3 * Math.sin(2 * Math.PI * t / 52.1775));
        v[t] = Math.max(0, Math.round(mu + cv * mu * rnd.nextGaussian()));
      }
      panel.add(Map.entry("s" + s, new WeeklySeries(START, v)));
    }
    return panel;
  }

  static CoverageRow overall(List<SeriesOutcome> outcomes) {
    int n = 0;
    double in80 = 0;
    double in95 = 0;
    for (CoverageRow r : CoverageByStep.rows(outcomes, List.of(SeriesForecaster.CHOSEN), 13)) {
      n += r.n();
      in80 += r.coverage80() * r.n();
      in95 += r.coverage95() * r.n();
    }
    return new CoverageRow(SeriesForecaster.CHOSEN, 0, n, in80 / n, in95 / n);
  }

  @Test
  void onSeriesWithKnownNoiseTheIntervalsCoverAsAimedOutOfSample() {
    // Every scored interval is calibrated on runs whose actual weeks lie before its origin: coverage is out of
    // sample in time; with leave-series-out it is also out of sample in series.
    for (boolean leaveSeriesOut : new boolean[] {false, true}) {
      SeriesForecaster forecaster = new SeriesForecaster(SPEC,
          org.civicpulse.forecast.models.Candidates.standard(), leaveSeriesOut);
      CoverageRow c = overall(forecaster.runPanel(knownNoisePanel(), s -> {}));
      assertThat(c.n()).isEqualTo(12 * 8 * 13);
      assertThat(c.coverage80()).as("80 %% coverage, leave-series-out %s", leaveSeriesOut).isBetween(0.75, 0.85);
      assertThat(c.coverage95()).as("95 %% coverage, leave-series-out %s", leaveSeriesOut).isBetween(0.91, 0.98);
    }
  }

  @Test
  void aValuePlantedInAnotherSeriesReachesNoChoiceAndNoIntervalBeforeItIsPast() {
    List<Map.Entry<String, WeeklySeries>> clean = knownNoisePanel().subList(0, 4);
    SeriesForecaster forecaster = new SeriesForecaster(SPEC);
    List<SeriesOutcome> reference = forecaster.runPanel(clean, s -> {});
    int k = 3;
    IsoWeek origin = reference.get(0).origins().get(k);
    List<Map.Entry<String, WeeklySeries>> planted = new ArrayList<>(clean);
    WeeklySeries other = clean.get(1).getValue();
    double[] v = other.values();
    v[other.indexOf(origin) + 1] = 1e6; // in series s1, the first week after origin k
    planted.set(1, Map.entry("s1", new WeeklySeries(START, v)));
    List<SeriesOutcome> after = forecaster.runPanel(planted, s -> {});

    SeriesOutcome a = reference.get(0);
    SeriesOutcome b = after.get(0);
    for (int j = 0; j <= k; j++) {
      IsoWeek o = a.origins().get(j);
      assertThat(b.decisions().get(j)).as("decision at %s", o).isEqualTo(a.decisions().get(j));
      for (String model : a.models()) {
        assertThat(SeriesForecasterTest.forecastAt(b, model, o).hi95()).as("%s at %s", model, o)
            .containsExactly(SeriesForecasterTest.forecastAt(a, model, o).hi95());
      }
    }
    // Once the planted week's origin run is past — at origin k + 1, 13 weeks after origin k, its 13 actual weeks
    // all lie at or before it — series s0's intervals widen.
    IsoWeek later = a.origins().get(k + 1);
    assertThat(SeriesForecasterTest.forecastAt(b, "ets", later).hi95()[0])
        .isGreaterThan(SeriesForecasterTest.forecastAt(a, "ets", later).hi95()[0]);
  }

  @Test
  void leaveSeriesOutCalibratesASeriesWithoutItsOwnErrors() {
    IsoWeek w = IsoWeek.parse("2024-W01");
    IsoWeek decision = w.plusWeeks(20);
    List<SeriesBacktest> calm = List.of(series("a", w, 1), series("b", w, 2), series("c", w, 3));
    List<SeriesBacktest> wild = List.of(series("a", w, 1000), series("b", w, 2), series("c", w, 3));
    Method ets = Method.single("ets");
    // b and c miss by 2 and 3 (scale 1) at four origins: 8 scores, 80 % rank ⌈9 × 0.8⌉ = 8 → 3.
    double held = new PanelEvidence(calm, 1, true).calibration(decision, ets, "a").half80()[0];
    assertThat(held).isEqualTo(3.0);
    assertThat(new PanelEvidence(wild, 1, true).calibration(decision, ets, "a").half80()[0]).isEqualTo(held);
    // Pooled with its own runs, a's wild errors widen its own interval: 12 scores, rank ⌈13 × 0.8⌉ = 11 → 1000.
    assertThat(new PanelEvidence(wild, 1, false).calibration(decision, ets, "a").half80()[0]).isEqualTo(1000.0);
  }

  /** Four inner runs, horizon 1, whose ets forecast misses by {@code error} (scale 1). */
  static SeriesBacktest series(String id, IsoWeek first, double error) {
    List<OriginRun> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Map<String, PointForecast> f = new LinkedHashMap<>();
      f.put("ets", new PointForecast(new double[] {10}));
      runs.add(OriginRun.of(first.plusWeeks(i), i, f, new double[] {10 + error}, 1, 1, false));
    }
    return new SeriesBacktest(id, new WeeklySeries(first, new double[60]), runs, List.of(), runs.get(3), 1, List.of());
  }
}
