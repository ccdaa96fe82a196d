package org.civicpulse.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Window totals worked out by hand on a fortnight of three categories and their roll-up (report date 03-14). */
class WindowTotalsTest {
  private static final LocalDate D = LocalDate.of(2024, 3, 14);

  /**
   * heating: 2 a day over 03-01 … 03-14 (last 7 = 14, previous 7 = 14); noise: 1 a day in the previous week
   * only, 5 on 03-14 (last 5, prev 7); water: 3 on 03-08 and one day without a value (null) on 03-09 (last 3,
   * prev 0); UNLINKED: 9 on 03-10 (not ranked); ALL = heating + noise + water per day (last 22).
   */
  private static List<WindowTotals.Daily> rows() {
    List<WindowTotals.Daily> out = new ArrayList<>();
    for (LocalDate d = D.minusDays(13); !d.isAfter(D); d = d.plusDays(1)) {
      boolean lastWeek = d.isAfter(D.minusDays(7));
      double noise = lastWeek ? (d.equals(D) ? 5 : 0) : 1;
      double water = d.equals(D.minusDays(6)) ? 3 : 0;
      out.add(new WindowTotals.Daily("heating", d, 2.0));
      out.add(new WindowTotals.Daily("noise", d, noise));
      out.add(new WindowTotals.Daily("water", d, d.equals(D.minusDays(5)) ? null : water));
      out.add(new WindowTotals.Daily("ALL", d, 2.0 + noise + water));
    }
    out.add(new WindowTotals.Daily("UNLINKED", D.minusDays(4), 9.0));
    return out;
  }

  @Test
  void sumsPerKeyOverTheWindowWithMissingDaysAsZero() {
    Map<String, Double> last = WindowTotals.sum(rows(), D.minusDays(6), D);
    assertThat(last).containsEntry("heating", 14.0).containsEntry("noise", 5.0).containsEntry("water", 3.0)
        .containsEntry("ALL", 22.0).containsEntry("UNLINKED", 9.0);
    assertThat(WindowTotals.sum(rows(), D.minusDays(13), D.minusDays(7))).containsEntry("noise", 7.0)
        .containsEntry("water", 0.0).doesNotContainKey("UNLINKED");
  }

  @Test
  void topOfLastWeekRanksByTheLastSevenDaysWithTheWeekBeforeAndShare() {
    List<WindowTotals.Rise> top = WindowTotals.topOfLastWeek(rows(), D, "ALL", Set.of("UNLINKED"), 2);
    assertThat(top).as("heating 14, noise 5 (water 3 is third); UNLINKED and ALL are not ranked").containsExactly(
        new WindowTotals.Rise("heating", 14, 14, 0, 14 / 22.0),
        new WindowTotals.Rise("noise", 5, 7, -2, 5 / 22.0));
  }

  @Test
  void largestFirstBreaksTiesByKey() {
    assertThat(WindowTotals.largestFirst(Map.of("b", 2.0, "a", 2.0, "c", 5.0)).stream().map(Map.Entry::getKey).toList())
        .containsExactly("c", "a", "b");
  }
}
