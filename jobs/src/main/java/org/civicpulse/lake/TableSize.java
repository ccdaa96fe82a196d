package org.civicpulse.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** How much a table holds on disk, read from its folder before Spark opens it (see StepScale.whileReading). */
public final class TableSize {
  private TableSize() {}

  /**
   * Whether the table's files (its log, and removed files not yet vacuumed, included) hold fewer than
   * {@code bytes}; an absent table does. The walk stops at the threshold; a folder it cannot read counts as large,
   * so that the run keeps the configured settings.
   */
  public static boolean below(Path table, long bytes) {
    if (!Files.isDirectory(table)) {
      return true;
    }
    long[] seen = {0};
    try (Stream<Path> files = Files.walk(table)) {
      return files.filter(Files::isRegularFile).allMatch(f -> (seen[0] += size(f)) < bytes);
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
