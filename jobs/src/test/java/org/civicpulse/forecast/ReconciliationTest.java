package org.civicpulse.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bottom-up reconciliation: parts add up to totals for every week. */
class ReconciliationTest {
  @Test
  void everyRollUpIsTheSumOfItsPartsInEveryWeek() {
    Map<SeriesKey, double[]> bottom = new LinkedHashMap<>();
    bottom.put(new SeriesKey("c1", "noise"), new double[] {1, 2, 3});
    bottom.put(new SeriesKey("c1", "waste"), new double[] {10, 20, 30});
    bottom.put(new SeriesKey("c2", "noise"), new double[] {100, 200, 300});
    bottom.put(new SeriesKey("c2", "waste"), new double[] {0.5, 0, 4});

    Map<SeriesKey, double[]> all = Reconciliation.bottomUp(bottom);

    assertThat(all).hasSize(4 + 2 + 2 + 1);
    assertThat(all.get(new SeriesKey("c1", "ALL"))).containsExactly(11, 22, 33);
    assertThat(all.get(new SeriesKey("c2", "ALL"))).containsExactly(100.5, 200, 304);
    assertThat(all.get(new SeriesKey("ALL", "noise"))).containsExactly(101, 202, 303);
    assertThat(all.get(new SeriesKey("ALL", "waste"))).containsExactly(10.5, 20, 34);
    assertThat(all.get(new SeriesKey("ALL", "ALL"))).containsExactly(111.5, 222, 337);
    for (int w = 0; w < 3; w++) {
      double communities = all.get(new SeriesKey("c1", "ALL"))[w] + all.get(new SeriesKey("c2", "ALL"))[w];
      double categories = all.get(new SeriesKey("ALL", "noise"))[w] + all.get(new SeriesKey("ALL", "waste"))[w];
      assertThat(communities).isCloseTo(all.get(new SeriesKey("ALL", "ALL"))[w], within(1e-12));
      assertThat(categories).isCloseTo(all.get(new SeriesKey("ALL", "ALL"))[w], within(1e-12));
    }
  }

  @Test
  void aRollUpIntervalIsMovedToTheReconciledMeanKeepingItsWidth() {
    IntervalForecast own = new IntervalForecast(new double[] {10}, new double[] {8}, new double[] {12},
        new double[] {6}, new double[] {14});
    IntervalForecast r = Reconciliation.recentre(own, new double[] {3});
    assertThat(r.mean()).containsExactly(3);
    assertThat(r.lo80()).containsExactly(1);
    assertThat(r.hi80()).containsExactly(5);
    assertThat(r.lo95()).containsExactly(0); // clipped: counts are never negative
    assertThat(r.hi95()).containsExactly(7);
  }
}
