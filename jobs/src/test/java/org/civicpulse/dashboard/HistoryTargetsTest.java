package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The history targets on hand-worked values: a community's own 90 days before the day, nothing else. */
class HistoryTargetsTest {
  private static final LocalDate D = LocalDate.of(2025, 6, 30);

  @Test
  void aTargetIsMeanPlusOrMinusSdOfTheCommunitysOwnNinetyDaysBeforeTheDay() {
    HistoryTargets h = new HistoryTargets();
    h.add("C1", D.minusDays(91), Map.of("overdue", 100.0));  // 91 days before: outside the history
    h.add("C1", D.minusDays(90), Map.of("overdue", 4.0));
    h.add("C1", D.minusDays(3), Map.of("overdue", 2.0));
    h.add("C1", D.minusDays(2), values(4.0, 0.8, null));
    h.add("C1", D.minusDays(1), values(6.0, 0.6, 0.05));
    h.add("C1", D, Map.of("overdue", 50.0));                 // the day itself: not its own history
    h.add("C2", D.minusDays(2), Map.of("overdue", 100.0));
    h.add("C2", D.minusDays(1), Map.of("overdue", 200.0));

    Map<String, Double> c1 = h.at("C1", D);
    // overdue {4, 2, 4, 6}: mean 4, sample variance (0 + 4 + 0 + 4) / 3 = 8/3, sd 1.632993; lower is better: mean + sd
    assertThat(c1.get("overdue")).as("C1 overdue").isCloseTo(4 + Math.sqrt(8.0 / 3), within(1e-12));
    // csat {0.8, 0.6}: mean 0.7, sd 0.141421; higher is better: mean − sd
    assertThat(c1.get("csat")).as("C1 csat").isCloseTo(0.7 - Math.sqrt(0.02), within(1e-12));
    assertThat(c1).as("one reopen rate and no feedback rate are no history").containsOnlyKeys("overdue", "csat");
    // C2 {100, 200}: mean 150, sd 70.710678 — and C1's values do not reach it
    assertThat(h.at("C2", D)).containsOnlyKeys("overdue");
    assertThat(h.at("C2", D).get("overdue")).isCloseTo(150 + Math.sqrt(5000), within(1e-9));
    assertThat(h.at("C3", D)).as("a community without history").isEmpty();
    // The day after D: D's 50 joins, the value 90 days before D drops out: {2, 4, 6, 50}
    assertThat(h.at("C1", D.plusDays(1)).get("overdue")).as("C1 overdue on D + 1")
        .isCloseTo(15.5 + Math.sqrt((13.5 * 13.5 + 11.5 * 11.5 + 9.5 * 9.5 + 34.5 * 34.5) / 3), within(1e-9));
  }

  private static Map<String, Double> values(double overdue, double csat, Double reopenRate) {
    Map<String, Double> v = new HashMap<>();
    v.put("overdue", overdue);
    v.put("csat", csat);
    v.put("reopen_rate", reopenRate);
    v.put("feedback_rate", null);
    return v;
  }
}
