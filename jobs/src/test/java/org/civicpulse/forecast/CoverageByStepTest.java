package org.civicpulse.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicpulse.forecast.models.IsoWeek;
import org.junit.jupiter.api.Test;

/** Coverage per horizon step and the tables forecast --series prints, on outcomes built by hand. */
class CoverageByStepTest {
  static final IsoWeek O1 = IsoWeek.parse("2024-W01");

  /** Interval [lo80, hi80] = [8, 12] and [lo95, hi95] = [6, 14] at both steps. */
  static OriginScore score(String model, IsoWeek origin, double... actuals) {
    IntervalForecast f = new IntervalForecast(new double[] {10, 10}, new double[] {8, 8}, new double[] {12, 12},
        new double[] {6, 6}, new double[] {14, 14});
    return new OriginScore("s", model, origin, 1, 1, 0, 0, f, actuals);
  }

  @Test
  void eachStepCountsTheActualsInsideItsBounds() {
    // chosen: origin 1 actuals 9 (in both) and 13 (95 only); origin 2 actuals 15 (neither) and 12 (in both, the
    // bound counts as inside). A last origin with one actual only adds to step 1.
    SeriesOutcome o = new SeriesOutcome("s", List.of(O1, O1.plusWeeks(13)), List.of("chosen"),
        List.of(score("chosen", O1, 9, 13), score("chosen", O1.plusWeeks(13), 15, 12),
            score("chosen", O1.plusWeeks(26), 7), score("ets", O1, 100, 100)), List.of(), List.of(), List.of());
    List<CoverageRow> rows = CoverageByStep.rows(List.of(o), List.of("chosen"), 3);
    assertThat(rows).containsExactly(
        new CoverageRow("chosen", 1, 3, 1.0 / 3, 2.0 / 3),
        new CoverageRow("chosen", 2, 2, 0.5, 1.0));
    assertThat(AccuracyTables.coverage(rows, "chosen")).containsExactly(
        "step       n  cover80  cover95",
        "1          3    0.333    0.667",
        "2          2    0.500    1.000");
  }

  @Test
  void theAccuracyTableShowsTheAllRowsOnly() {
    List<AccuracyRow> rows = List.of(new AccuracyRow("s", "ets", 8, 0.5, 10, 0.8, 0.9),
        new AccuracyRow("ALL", "ets", 16, 0.7654, 12.346, 0.8, 0.95),
        new AccuracyRow("ALL", "chosen", 16, Double.NaN, 12.346, 0.8125, 0.9375));
    assertThat(AccuracyTables.accuracy(rows)).containsExactly(
        "model            origins    MASE   sMAPE  cover80  cover95",
        "ets                   16   0.765   12.35    0.800    0.950",
        "chosen                16       —   12.35    0.813    0.938");
  }
}
