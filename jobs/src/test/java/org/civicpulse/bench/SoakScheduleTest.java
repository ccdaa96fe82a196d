package org.civicpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which faults a soak injects, and when, for the CI length and a long run. */
class SoakScheduleTest {
  @Test
  void threeMinutesAreOneSegmentWithEveryFaultOnce() {
    assertThat(Soak.schedule(Duration.ofMinutes(3))).containsExactly(
        new Soak.Fault(0.20, Soak.Kind.INGEST), new Soak.Fault(0.30, Soak.Kind.TERM),
        new Soak.Fault(0.45, Soak.Kind.BROKER), new Soak.Fault(0.55, Soak.Kind.INGEST),
        new Soak.Fault(0.65, Soak.Kind.KILL), new Soak.Fault(0.85, Soak.Kind.INGEST));
  }

  @Test
  void thirtyMinutesRepeatIngestAndTermEveryThreeMinutesWithOneBrokerRestartAndOneKill() {
    List<Soak.Fault> s = Soak.schedule(Duration.ofMinutes(30));
    assertThat(s.stream().filter(f -> f.kind() == Soak.Kind.INGEST)).as("2 per segment + 1 in the middle one").hasSize(21);
    assertThat(s.stream().filter(f -> f.kind() == Soak.Kind.TERM)).hasSize(10);
    assertThat(s.stream().filter(f -> f.kind() == Soak.Kind.BROKER)).singleElement()
        .extracting(Soak.Fault::share).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.DOUBLE)
        .as("45 % into the middle (sixth) segment").isCloseTo(0.545, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(s.stream().filter(f -> f.kind() == Soak.Kind.KILL)).hasSize(1);
    assertThat(s).extracting(Soak.Fault::share).isSorted();
  }
}
