package org.civicpulse.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A batch's writes side by side ({@link SideBySide}): results in the order given, and a failure rethrown only
 * once every other write has ended (a batch run again must never overlap a write still going on).
 */
class StreamSideBySideTest {
  @Test
  void resultsComeInTheOrderGivenAndThePiecesRunTogether() {
    // Both pieces wait for each other: run one after the other, the first would wait 5 s and fail.
    CountDownLatch both = new CountDownLatch(2);
    Map<String, Callable<String>> work = new LinkedHashMap<>();
    for (String name : List.of("service_requests", "feedback", "participation")) {
      work.put(name, () -> {
        both.countDown();
        assertThat(both.await(5, TimeUnit.SECONDS)).isTrue();
        return name.toUpperCase();
      });
    }
    assertThat(SideBySide.run(work)).containsExactly(
        Map.entry("service_requests", "SERVICE_REQUESTS"), Map.entry("feedback", "FEEDBACK"),
        Map.entry("participation", "PARTICIPATION"));
  }

  @Test
  void aFailureIsRethrownAsThrownAfterTheOtherWritesEnded() {
    IllegalStateException conflict = new IllegalStateException("concurrent commit");
    AtomicBoolean slowEnded = new AtomicBoolean();
    Map<String, Callable<Integer>> work = new LinkedHashMap<>();
    work.put("fails", () -> {
      throw conflict;
    });
    work.put("slow", () -> {
      Thread.sleep(300);
      slowEnded.set(true);
      return 1;
    });
    assertThatThrownBy(() -> SideBySide.run(work)).isSameAs(conflict);
    assertThat(slowEnded).isTrue();
  }

  @Test
  void branchStepsJoinTheBatchLine() throws Exception {
    StepTimes times = new StepTimes();
    Thread t = new Thread(() -> times.branch().lap("feedback"));
    t.start();
    t.join();
    times.lap("curated");
    assertThat(times.summary()).matches("in \\d+\\.\\d s \\(feedback \\d+\\.\\d, curated \\d+\\.\\d\\)");
  }
}
