package org.civicpulse.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A side step runs on its own named thread, its failure reaches join() as thrown, and close() outwaits it. */
class SideTaskTest {
  @Test
  void runsOnItsOwnNamedThreadBesideTheCaller() throws Exception {
    CountDownLatch callerReached = new CountDownLatch(1);
    AtomicReference<String> thread = new AtomicReference<>();
    try (SideTask t = SideTask.start("equity", () -> {
      thread.set(Thread.currentThread().getName());
      try {
        callerReached.await(); // would never return if the step ran on the caller's thread
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    })) {
      callerReached.countDown();
      t.join();
    }
    assertThat(thread.get()).isEqualTo("civicpulse-equity");
  }

  @Test
  void joinRethrowsTheStepsOwnException() {
    IllegalArgumentException boom = new IllegalArgumentException("no such table");
    try (SideTask t = SideTask.start("x", () -> {
      throw boom;
    })) {
      assertThatThrownBy(t::join).isSameAs(boom);
    }
  }

  @Test
  void closeWaitsForTheStepWhenTheCallerFailedFirst() {
    AtomicBoolean finished = new AtomicBoolean();
    assertThatThrownBy(() -> {
      try (SideTask t = SideTask.start("slow", () -> {
        sleep(300);
        finished.set(true);
      })) {
        throw new IllegalStateException("scores failed");
      }
    }).hasMessage("scores failed");
    assertThat(finished).as("the step ended before close() returned").isTrue();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
