package org.civicpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay rule on hand-made log lines: add minus remove, in commit order. */
class DeltaLogReplayTest {
  static final String PROTOCOL = "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}";
  static final String INFO = "{\"commitInfo\":{\"operation\":\"WRITE\"}}";

  static String add(String path) {
    return "{\"add\":{\"path\":\"" + path + "\",\"size\":10,\"dataChange\":true}}";
  }

  static String remove(String path) {
    return "{\"remove\":{\"path\":\"" + path + "\",\"deletionTimestamp\":1,\"dataChange\":true}}";
  }

  @Test
  void fileAddedRemovedAndAddedAgainIsActive() {
    List<String> log = List.of(
        PROTOCOL, INFO, add("month=2024-03/a.parquet"), add("month=2024-03/b.parquet"),   // v0
        INFO, remove("month=2024-03/a.parquet"), add("month=2024-03/c.parquet"),          // v1: a replaced by c
        "", INFO, remove("month=2024-03/b.parquet"), add("month=2024-03/a.parquet"));     // v2: a back, b gone
    assertThat(DeltaLogReplay.activeFiles(List.of(), log))
        .containsExactly("month=2024-03/c.parquet", "month=2024-03/a.parquet");
  }

  @Test
  void checkpointFilesAreTheStartingSet() {
    List<String> afterCheckpoint = List.of(INFO, remove("x.parquet"), add("z.parquet"));
    assertThat(DeltaLogReplay.activeFiles(List.of("x.parquet", "y.parquet"), afterCheckpoint))
        .containsExactly("y.parquet", "z.parquet");
  }

  @Test
  void removingEverythingLeavesNothing() {
    assertThat(DeltaLogReplay.activeFiles(List.of(), List.of(add("a.parquet"), remove("a.parquet")))).isEmpty();
  }

  @Test
  void logPathsAreUrlEncodedAndRelativeToTheTable() {
    Path table = Path.of("/lake/curated/t");
    assertThat(DeltaFiles.resolve(table, "month=2024-03/part%20one.parquet"))
        .isEqualTo(Path.of("/lake/curated/t/month=2024-03/part one.parquet"));
    assertThat(DeltaFiles.resolve(table, "file:/elsewhere/b.parquet")).isEqualTo(Path.of("/elsewhere/b.parquet"));
  }
}
