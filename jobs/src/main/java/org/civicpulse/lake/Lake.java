package org.civicpulse.lake;

import java.nio.file.Path;

/** The lake's layout: the only place that knows where each table lives. */
public record Lake(Path root) {
  public Lake {
    root = root.toAbsolutePath().normalize();
  }

  public Path curated(String table) {
    return root.resolve("curated").resolve(table);
  }

  public Path quarantine() {
    return root.resolve("quarantine");
  }

  /** The folder holding every mart. */
  public Path marts() {
    return root.resolve("marts");
  }

  public Path mart(String name) {
    return root.resolve("marts").resolve(name);
  }

  /** Derived state the jobs keep to avoid rereading history (rebuildable from curated at any time). */
  public Path state(String name) {
    return root.resolve("state").resolve(name);
  }

  public Path runs() {
    return root.resolve("_runs");
  }

  public Path lockFile() {
    return root.resolve("_lock");
  }
}
