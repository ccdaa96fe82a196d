package org.civicpulse.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicpulse.forecast.models.IsoWeek;
import org.junit.jupiter.api.Test;

class DecisionsTest {
  private static double[] fill(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  @Test
  void servicePointsNeedAllThirteenWeeksAtOrAboveTheThreshold() {
    double[] ok = fill(26, 12);
    ok[5] = 10;
    ok[20] = 0; // beyond the 13-week window: ignored
    double[] dips = fill(26, 50);
    dips[12] = 9.9;
    Map<SeriesKey, double[]> f = new LinkedHashMap<>();
    f.put(new SeriesKey("C1", "a"), ok);
    f.put(new SeriesKey("C1", "b"), dips);
    f.put(new SeriesKey("C1", SeriesKey.ALL), fill(26, 100));
    List<Decisions.ServicePoint> p = Decisions.servicePoints(f, 10);
    assertThat(p).hasSize(1);
    assertThat(p.get(0).community()).isEqualTo("C1");
    assertThat(p.get(0).category()).isEqualTo("a");
    assertThat(p.get(0).weeksAbove()).isEqualTo(13);
    assertThat(p.get(0).min()).isEqualTo(10);
    assertThat(p.get(0).mean()).isCloseTo(154.0 / 13, within(1e-12));
  }

  @Test
  void capacityTakesTheMaxOnTheCumulativeSumAndFlagsTheFirstCrossing() {
    Map<String, double[]> intake = new LinkedHashMap<>();
    intake.put("C1", new double[] {5, 5, 5});
    intake.put("C2", new double[] {1, 10, 10});
    IsoWeek asOf = IsoWeek.parse("2024-W52");
    List<Decisions.CapacityRow> rows = Decisions.capacity(intake, Map.of("C1", 10.0), Map.of("C1", 7.0, "C2", 4.0), asOf, 7);
    // C1: 10 + (5−7)·k → 8, 6, 4; crossing at week 1. C2: 0 + cumulative (−3, 3, 9) → 0, 3, 9; crossing week 3.
    assertThat(rows).extracting(Decisions.CapacityRow::projectedBacklog).containsExactly(8.0, 6.0, 4.0, 0.0, 3.0, 9.0);
    assertThat(rows.get(0).week()).isEqualTo(IsoWeek.parse("2025-W01"));
    assertThat(rows).extracting(r -> r.crossingWeek().toString())
        .containsExactly("2025-W01", "2025-W01", "2025-W01", "2025-W03", "2025-W03", "2025-W03");
    assertThat(Decisions.capacity(Map.of("C3", new double[] {1}), Map.of(), Map.of(), asOf, 7).get(0).crossingWeek()).isNull();
  }

  @Test
  void risersCompareWithTheSameIsoWeeksAYearEarlier() {
    Map<SeriesKey, double[]> f = new LinkedHashMap<>();
    f.put(new SeriesKey("C1", SeriesKey.ALL), fill(26, 2));
    f.put(new SeriesKey(SeriesKey.ALL, "b"), fill(26, 1));
    f.put(new SeriesKey(SeriesKey.ALL, SeriesKey.ALL), fill(26, 9));
    // Actuals: C1 had 1 a week in 2024; category b had none.
    List<Decisions.Riser> r = Decisions.risers(f, IsoWeek.parse("2024-W52"),
        k -> k.series().community().equals("C1") && k.week().year() == 2024 ? 1 : 0);
    assertThat(r).hasSize(2);
    assertThat(r.get(0).next13()).isEqualTo(26);
    assertThat(r.get(0).lastYear()).isEqualTo(13);
    assertThat(r.get(0).change()).isEqualTo(13);
    assertThat(r.get(0).changePct()).isEqualTo(100);
    assertThat(r.get(1).changePct()).isNaN();
    assertThat(Decisions.sameWeekLastYear(IsoWeek.parse("2020-W53"))).isEqualTo(IsoWeek.parse("2019-W52"));
  }
}
