package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.civicpulse.config.Targets;
import org.junit.jupiter.api.Test;

/** The CityScore-style score on a hand-computed example. */
class ScoreCalculatorTest {
  @Test
  void lowerIsBetterZeroValueAndCapOnAHandComputedExample() {
    Targets targets = new Targets(Map.of("sla_compliance", 0.9, "csat", 0.8, "first_response_p50_h", 2.0,
        "resolution_p90_h", 72.0));
    Map<String, Double> values = new HashMap<>();
    values.put("sla_compliance", 0.45);      // 0.45 / 0.9 = 0.5
    values.put("csat", 1.0);                  // 1.0 / 0.8 = 1.25 (the cap)
    values.put("first_response_p50_h", 4.0);  // lower is better: 2 / 4 = 0.5
    values.put("resolution_p90_h", 36.0);     // 72 / 36 = 2 → capped at 1.25
    values.put("overdue", 0.0);               // lower is better, value 0 → the cap 1.25 (target from history: 3)
    values.put("feedback_rate", null);        // no basis: left out
    ScoreCalculator.Score s = ScoreCalculator.score(values, targets, Map.of("overdue", 3.0));
    assertThat(s.ratios()).containsExactlyInAnyOrderEntriesOf(Map.of("sla_compliance", 0.5, "csat", 1.25,
        "first_response_p50_h", 0.5, "resolution_p90_h", 1.25, "overdue", 1.25));
    assertThat(s.score()).as("(0.5 + 1.25 + 0.5 + 1.25 + 1.25) / 5").isCloseTo(0.95, within(1e-12));
    // Five metrics: the best three (ties in name order) and the two others, worst first — no name in both lists.
    assertThat(s.best()).containsExactly("csat", "overdue", "resolution_p90_h");
    assertThat(s.worst()).containsExactly("sla_compliance", "first_response_p50_h");
  }

  @Test
  void historyTargetIsMeanMinusOrPlusOneSd() {
    // mean 4, sample sd of {2, 4, 6} = 2
    assertThat(ScoreCalculator.historyTarget(new double[] {2, 4, 6}, true)).isEqualTo(2.0);
    assertThat(ScoreCalculator.historyTarget(new double[] {2, 4, 6}, false)).isEqualTo(6.0);
  }
}
