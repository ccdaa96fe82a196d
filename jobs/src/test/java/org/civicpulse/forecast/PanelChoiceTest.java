package org.civicpulse.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicpulse.forecast.models.IsoWeek;
import org.civicpulse.forecast.models.PointForecast;
import org.civicpulse.forecast.models.WeeklySeries;
import org.junit.jupiter.api.Test;

/** chosen from a panel's pooled evidence, worked by hand on runs with given forecasts (horizon 2, scale 1). */
class PanelChoiceTest {
  static final IsoWeek W1 = IsoWeek.parse("2024-W01");
  static final List<String> ELIGIBLE = List.of("snaive", "ets", "fourier_arima");
  static final Method DEFAULT = Method.pair("ets", "fourier_arima");

  /** Actuals [10, 10]; each model's flat forecast given; MASE and error scale 1. */
  static OriginRun run(IsoWeek origin, double snaive, double ets, double arima, boolean intermittent) {
    Map<String, PointForecast> f = new LinkedHashMap<>();
    f.put("snaive", new PointForecast(new double[] {snaive, snaive}));
    f.put("ets", new PointForecast(new double[] {ets, ets}));
    f.put("fourier_arima", new PointForecast(new double[] {arima, arima}));
    return OriginRun.of(origin, 0, f, new double[] {10, 10}, 1, 1, intermittent);
  }

  /**
   * Series A: ets exact (error 0), snaive 11 (1), arima 12 (2). Series B: ets 14 (4), snaive 10.5 (0.5), arima 12
   * (2). Pooled means: snaive 0.75, ets 2, arima 2, ets+arima (A 11 → 1, B 13 → 3) 2, snaive+ets (A 10.5 → 0.5,
   * B 12.25 → 2.25) 1.375, snaive+arima (A 11.5 → 1.5, B 11.25 → 1.25) 1.375: snaive wins for both series,
   * though A's own runs favour ets (0 against snaive's 1 and snaive+ets's 0.5).
   */
  static List<OriginRun> panelRuns(int origins) {
    List<OriginRun> runs = new ArrayList<>();
    for (int i = 0; i < origins; i++) {
      runs.add(run(W1.plusWeeks(13L * i), 11, 10, 12, false));
      runs.add(run(W1.plusWeeks(13L * i), 10.5, 14, 12, false));
    }
    return runs;
  }

  @Test
  void thePooledEvidenceDecidesNotTheSeriesOwnRuns() {
    ModelChooser chooser = new ModelChooser(ELIGIBLE, DEFAULT);
    List<OriginRun> pool = panelRuns(4);
    assertThat(ModelChooser.meanScaledError(pool, Method.single("snaive"))).isEqualTo(0.75);
    assertThat(ModelChooser.meanScaledError(pool, DEFAULT)).isEqualTo(2.0);
    assertThat(ModelChooser.meanScaledError(pool, Method.pair("snaive", "ets"))).isEqualTo(1.375);
    assertThat(ModelChooser.meanScaledError(pool, Method.pair("snaive", "fourier_arima"))).isEqualTo(1.375);
    assertThat(chooser.chosen(pool).name()).as("pooled choice").isEqualTo("snaive");
    List<OriginRun> seriesA = pool.stream().filter(r -> r.forecast(Method.single("ets"))[0] == 10).toList();
    assertThat(chooser.chosen(seriesA).name()).as("series A alone").isEqualTo("ets");
    assertThat(chooser.combo(seriesA).name()).as("combo stays the series' own two best").isEqualTo("ets+snaive");
  }

  @Test
  void evidenceFromFewerThanFourOriginWeeksKeepsTheDefaultPair() {
    ModelChooser chooser = new ModelChooser(ELIGIBLE, DEFAULT);
    // Many series at three origins are still three pieces of evidence about timing.
    List<OriginRun> threeWeeks = new ArrayList<>();
    for (int s = 0; s < 50; s++) {
      threeWeeks.addAll(panelRuns(3));
    }
    assertThat(chooser.chosen(threeWeeks)).isEqualTo(DEFAULT);
    assertThat(chooser.chosen(panelRuns(4)).name()).isEqualTo("snaive");
  }

  @Test
  void aTieKeepsTheDefault() {
    List<OriginRun> pool = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pool.add(run(W1.plusWeeks(13L * i), 12, 10, 10, false)); // ets = arima = ets+arima = 0
    }
    assertThat(new ModelChooser(ELIGIBLE, DEFAULT).chosen(pool)).isEqualTo(DEFAULT);
  }

  @Test
  void aClassWithFewerThanThreeSeriesBorrowsTheWholePanel() {
    IsoWeek decision = W1.plusWeeks(100);
    List<SeriesBacktest> panel = new ArrayList<>();
    for (String id : List.of("d1", "d2", "d3", "i1", "i2")) {
      boolean intermittent = id.startsWith("i");
      List<OriginRun> inner = List.of(run(W1, 10, 10, 10, intermittent), run(W1.plusWeeks(13), 10, 10, 10, intermittent));
      panel.add(new SeriesBacktest(id, new WeeklySeries(W1, new double[60]), inner, List.of(), inner.get(0), 2, List.of()));
    }
    PanelEvidence evidence = new PanelEvidence(panel, 2, false);
    assertThat(evidence.classPool(decision, false)).as("3 dense series: their own runs").hasSize(6)
        .allSatisfy(r -> assertThat(r.intermittent).isFalse());
    assertThat(evidence.classPool(decision, true)).as("2 intermittent series: the whole panel").hasSize(10);
    assertThat(evidence.evidenceAt(W1.plusWeeks(14))).as("a run counts once all its actual weeks are past").hasSize(5);
    assertThat(evidence.evidenceAt(W1.plusWeeks(15))).hasSize(10);
  }

  /** Actuals [10, 10] at four origin weeks; tsb exact (error 0), ets 11 (1), fourier_arima 12 (2), snaive 13 (3). */
  static SeriesBacktest tsbBestEverywhere(String id, boolean intermittent) {
    List<OriginRun> inner = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Map<String, PointForecast> f = new LinkedHashMap<>();
      f.put("snaive", new PointForecast(new double[] {13, 13}));
      f.put("ets", new PointForecast(new double[] {11, 11}));
      f.put("fourier_arima", new PointForecast(new double[] {12, 12}));
      f.put("tsb", new PointForecast(new double[] {10, 10}));
      inner.add(OriginRun.of(W1.plusWeeks(13L * i), 0, f, new double[] {10, 10}, 1, 1, intermittent));
    }
    return new SeriesBacktest(id, new WeeklySeries(W1, new double[60]), inner, List.of(), inner.get(0), 2, List.of());
  }

  @Test
  void aClassThatBorrowsThePanelDoesNotPickAModelOfItsClassOnly() {
    IsoWeek decision = W1.plusWeeks(100);
    List<String> eligible = List.of("snaive", "ets", "fourier_arima", "tsb");
    // 3 dense series and 1 intermittent: the intermittent class borrows all 16 runs. tsb's 0 there is its record
    // on the dense series, so it is not a candidate; the best of the rest is ets (1; ets + fourier_arima: 11.5 → 1.5).
    List<SeriesBacktest> oneIntermittent = List.of(tsbBestEverywhere("d1", false), tsbBestEverywhere("d2", false),
        tsbBestEverywhere("d3", false), tsbBestEverywhere("i1", true));
    assertThat(new PanelEvidence(oneIntermittent, 2, false).chosen(decision, true, eligible, DEFAULT).name())
        .as("a borrowed pool").isEqualTo("ets");
    // 3 intermittent series decide on their own runs, where tsb is exact.
    List<SeriesBacktest> threeIntermittent = List.of(tsbBestEverywhere("d1", false), tsbBestEverywhere("i1", true),
        tsbBestEverywhere("i2", true), tsbBestEverywhere("i3", true));
    assertThat(new PanelEvidence(threeIntermittent, 2, false).chosen(decision, true, eligible, DEFAULT).name())
        .as("the class's own pool").isEqualTo("tsb");
  }
}
