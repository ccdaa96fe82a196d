package org.civicpulse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;

/** The two chart rules found on the Kansas City report: a lone value gets a dot, an all-zero chart a 0 … 1 axis. */
class ChartRendererTest {
  private static final LocalDate D = LocalDate.of(2022, 3, 15);

  @Test
  void aValueWithoutNeighboursIsIsolated() {
    assertThat(ChartRenderer.hasIsolatedValue(series(D, 0.61))).as("one survey wave").isTrue();
    SortedMap<LocalDate, Double> gap = series(D, 0.5);
    gap.put(D.plusDays(1), 0.7);
    gap.put(D.plusDays(3), 0.9);
    assertThat(ChartRenderer.hasIsolatedValue(gap)).as("03-18 stands alone after a missing 03-17").isTrue();
    gap.remove(D.plusDays(3));
    gap.put(D.plusDays(2), null);
    assertThat(ChartRenderer.hasIsolatedValue(gap)).as("two adjacent days, then an empty one").isFalse();
  }

  @Test
  void anAllZeroChartGetsAZeroToOneAxisOthersKeepTheirs() {
    NumberAxis zero = new NumberAxis();
    SortedMap<LocalDate, Double> zeros = series(D, 0.0);
    zeros.put(D.plusDays(1), null);
    ChartRenderer.zeroAxisFromZeroToOne(zero, List.of(zeros, series(D, 0.0)));
    assertThat(zero.getLowerBound()).as("lower").isEqualTo(0.0);
    assertThat(zero.getUpperBound()).as("upper").isEqualTo(1.0);
    assertThat(zero.isAutoRange()).as("auto range off").isFalse();

    NumberAxis some = new NumberAxis();
    ChartRenderer.zeroAxisFromZeroToOne(some, List.of(series(D, 0.0), series(D, 3.0)));
    assertThat(some.isAutoRange()).as("a chart with a value keeps its auto range").isTrue();
  }

  private static SortedMap<LocalDate, Double> series(LocalDate d, Double v) {
    SortedMap<LocalDate, Double> m = new TreeMap<>();
    m.put(d, v);
    return m;
  }
}
