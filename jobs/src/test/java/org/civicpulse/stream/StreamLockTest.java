package org.civicpulse.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.civicpulse.lake.LockHeldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stream holds a lock on its checkpoint: a second stream on it is refused, naming the holder. */
class StreamLockTest {
  @TempDir Path tmp;

  @Test
  void aLiveHolderOfTheCheckpointLockRefusesASecondStream() throws Exception {
    Path cp = tmp.resolve("cp");
    Files.createDirectories(cp);
    // This test JVM is alive, so the lock is not stale.
    String holder = InetAddress.getLocalHost().getHostName() + " " + ProcessHandle.current().pid() + " 2026-01-01T00:00:00Z";
    Files.writeString(StreamJob.lockFile(cp), holder);
    StreamSettings s = new StreamSettings("127.0.0.1:1", Map.of("service_requests", "t"), "a", cp, true, 10, 10,
        "Asia/Shanghai", Map.of(), 2);
    // The lock is taken before Spark or Kafka is touched: neither is needed to be refused.
    assertThatThrownBy(() -> new StreamJob(null, s, null, m -> { }).run())
        .isInstanceOf(LockHeldException.class)
        .hasMessageContaining("checkpoint " + cp + " is in use by another stream")
        .hasMessageContaining(String.valueOf(ProcessHandle.current().pid()));
    assertThat(Files.readString(StreamJob.lockFile(cp))).isEqualTo(holder);
  }
}
