package org.civicpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The short soak (3 minutes of faults; scripts/bench.sh soak runs the long one): every fault injected, every run's
 * exit code as designed, every curated table equal to a batch-only ingest, no event twice. An integration test
 * (failsafe): every command goes through scripts/civicpulse and the packaged app.
 */
class SoakIT {
  @Test
  void threeMinutesOfFaultsLeaveTheLakeEqualToABatchOnlyIngest() throws Exception {
    Path dir = Files.createTempDirectory("cp-soak");
    Soak.Result r = new Soak(dir, Duration.ofMinutes(3), 1500).run();
    System.out.println(r.summary());
    assertThat(r.faults()).as("faults injected").hasSize(6);
    assertThat(r.wrongExits()).as("runs whose exit code is not the designed one; logs in " + dir.resolve("logs")).isEmpty();
    assertThat(r.eventsSent()).as("events replayed").isGreaterThan(4000);
    r.tables().forEach((table, c) -> {
      assertThat(c.left()).as(table + " rows").isEqualTo(c.right());
      assertThat(c.onlyLeft() + c.onlyRight()).as(table + ": rows on one side only " + c).isZero();
    });
    assertThat(r.tables().get("request_events").left()).as("events compared").isGreaterThan(3000);
    assertThat(r.duplicateEvents()).as("request_events rows beyond the first of their event_id").isZero();
  }
}
