package org.civicpulse.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table's bytes on disk against a threshold: what decides whether a step is read small from its start. */
class TableSizeTest {
  @TempDir
  Path table;

  @Test
  void countsEveryFileUnderTheTableUpToTheThreshold() throws Exception {
    assertThat(TableSize.below(table.resolve("absent"), 64)).as("no table yet").isTrue();
    Files.createDirectories(table.resolve("month=2025-12"));
    sized(table.resolve("month=2025-12/part-0.parquet"), 63);
    assertThat(TableSize.below(table, 64)).as("one byte below").isTrue();
    Files.createDirectories(table.resolve("_delta_log"));
    sized(table.resolve("_delta_log/00000000000000000000.json"), 1);
    assertThat(TableSize.below(table, 64)).as("64 bytes in all, the log counted").isFalse();
    assertThat(TableSize.below(table, StepScale.SMALL_ON_DISK)).as("far below 64 MiB").isTrue();
  }

  @Test
  void aFileOfTheThresholdsSizeIsNotBelowIt() throws Exception {
    sized(table.resolve("part-0.parquet"), StepScale.SMALL_ON_DISK);
    assertThat(TableSize.below(table, StepScale.SMALL_ON_DISK)).isFalse();
  }

  /** A sparse file of that length: its size is what the check reads. */
  private static void sized(Path file, long bytes) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(bytes);
    }
  }
}
