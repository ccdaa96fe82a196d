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
  void aWindowWithFewerThanHalfOfTheMetricsHasNoScore() {
    Targets targets = new Targets(Map.of("sla_compliance", 0.9, "csat", 0.8, "first_response_p50_h", 2.0));
    Map<String, Double> three = new HashMap<>();
    three.put("sla_compliance", 0.9);
    three.put("csat", 0.8);
    three.put("overdue", 6.0);                // lower is better, history target 3: 3 / 6 = 0.5
    ScoreCalculator.Score s = ScoreCalculator.score(three, targets, Map.of("overdue", 3.0));
    assertThat(s.basis()).as("3 of 8 metrics").isEqualTo(3);
    assertThat(s.score()).as("3 < 4 = half of 8: no score").isNaN();
    assertThat(s.best()).isEmpty();
    assertThat(s.worst()).isEmpty();

    three.put("first_response_p50_h", 2.0);   // 2 / 2 = 1.0
    ScoreCalculator.Score four = ScoreCalculator.score(three, targets, Map.of("overdue", 3.0));
    assertThat(four.basis()).isEqualTo(4);
    assertThat(four.score()).as("(1 + 1 + 0.5 + 1) / 4").isCloseTo(0.875, within(1e-12));
    // A value without any target is no basis either.
    three.put("reopen_rate", 0.1);
    assertThat(ScoreCalculator.score(three, targets, Map.of()).basis()).as("overdue and reopen_rate lack a target")
        .isEqualTo(3);
  }

  @Test
  void historyTargetIsMeanMinusOrPlusOneSd() {
    // mean 4, sample sd of {2, 4, 6} = 2
    assertThat(ScoreCalculator.historyTarget(new double[] {2, 4, 6}, true)).isEqualTo(2.0);
    assertThat(ScoreCalculator.historyTarget(new double[] {2, 4, 6}, false)).isEqualTo(6.0);
  }
}
