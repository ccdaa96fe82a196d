package org.civicpulse.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lake lock: one holder at a time, except commands run side by side in one process, which share it. */
class LakeLockTest {
  @TempDir Path tmp;

  @Test
  void sideBySideCommandsShareTheLockAndTheLastOneReleasesIt() {
    Path file = tmp.resolve("lake/_lock");
    List<String> warnings = new ArrayList<>();
    LakeLock first = LakeLock.acquireShared(file, warnings::add);
    LakeLock second = LakeLock.acquireShared(tmp.resolve("lake/../lake/_lock"), warnings::add);
    assertThat(file).as("held by both").exists();
    assertThatThrownBy(() -> LakeLock.acquire(file, warnings::add)).as("a run of its own is refused meanwhile")
        .isInstanceOf(LockHeldException.class).hasMessageContaining("lake is locked by another run");
    first.close();
    assertThat(file).as("the second still holds it").exists();
    second.close();
    assertThat(Files.exists(file)).as("released by the last").isFalse();
    LakeLock.acquire(file, warnings::add).close();
    assertThat(warnings).isEmpty();
  }

  @Test
  void aSharedLockIsRefusedWhileAnotherRunHoldsTheLake() {
    Path file = tmp.resolve("_lock");
    try (LakeLock own = LakeLock.acquire(file, w -> { })) {
      assertThatThrownBy(() -> LakeLock.acquireShared(file, w -> { })).isInstanceOf(LockHeldException.class);
    }
    assertThat(Files.exists(file)).isFalse();
  }
}
