package org.civicpulse.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Rows on Jan 1, 2, 3, 5 and 8 (none on the 4th, 6th, 7th); the window shown is Jan 5 … 8, so its first day
 * looks back at Dec 30 … Jan 5 and its last at Jan 2 … 8. Values worked out by hand in each test.
 */
class TrailingWeekTest {
  static final LocalDate FROM = day(5);
  static final LocalDate TO = day(8);

  @Test
  void meanCountsOnlyDaysWithAValue() {
    // Jan 5: 10, 20, 30 → 20; Jan 8: (null), 20, 30, 40 → 30. Jan 1–3 lie before the window: no points of their own.
    SortedMap<LocalDate, Double> m = TrailingWeek.mean(series(10.0, null, 20.0, 30.0, 40.0), FROM, TO);
    assertThat(m).containsOnlyKeys(day(5), day(8));
    assertThat(m.get(day(5))).isEqualTo(20.0);
    assertThat(m.get(day(8))).isEqualTo(30.0);
  }

  @Test
  void ratioSumsNumeratorsAndDenominatorsOverDaysWithBoth() {
    // met 1, –, 3, 0, 2 over due 2, –, 4, 0, (none): Jan 5: (1 + 3 + 0) / (2 + 4 + 0) = 2/3; Jan 8: 3 / 4 (Jan 8 has no due).
    SortedMap<LocalDate, Double> r = TrailingWeek.ratio(series(1.0, null, 3.0, 0.0, 2.0),
        series(2.0, null, 4.0, 0.0, null), FROM, TO);
    assertThat(r.get(day(5))).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(r.get(day(8))).isEqualTo(0.75);
  }

  @Test
  void aWindowWithNothingDueHasNoRatioRatherThanZero() {
    SortedMap<LocalDate, Double> r = TrailingWeek.ratio(series(null, null, null, 0.0, null),
        series(null, null, null, 0.0, null), FROM, TO);
    assertThat(r).containsEntry(day(5), null).containsEntry(day(8), null);
  }

  @Test
  void weightedMeanSkipsDaysWithoutWeight() {
    // CSAT 1.0 (1 rating), –, 0.5 (4), 0.0 (0 ratings: left out), none (3): Jan 5: (1 + 2) / 5 = 0.6; Jan 8: 0.5.
    SortedMap<LocalDate, Double> w = TrailingWeek.weightedMean(series(1.0, null, 0.5, 0.0, null),
        series(1.0, null, 4.0, 0.0, 3.0), FROM, TO);
    assertThat(w.get(day(5))).isCloseTo(0.6, within(1e-15));
    assertThat(w.get(day(8))).isEqualTo(0.5);
  }

  /** Values on Jan 1, 2, 3, 5, 8 (a row each, the value may be null). */
  private static SortedMap<LocalDate, Double> series(Double d1, Double d2, Double d3, Double d5, Double d8) {
    SortedMap<LocalDate, Double> s = new TreeMap<>();
    s.put(day(1), d1);
    s.put(day(2), d2);
    s.put(day(3), d3);
    s.put(day(5), d5);
    s.put(day(8), d8);
    return s;
  }

  private static LocalDate day(int d) {
    return LocalDate.of(2025, 1, d);
  }
}
