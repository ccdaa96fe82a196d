package org.civicpulse.lake;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The _runs records of a lake read back: the last run of each command and the last failure (what status shows). */
public final class RunHistory {
  private final List<RunRecord> runs;

  private RunHistory(List<RunRecord> runs) {
    this.runs = runs;
  }

  /** Every record under the lake's _runs folder, oldest first; none when there is no folder. */
  public static RunHistory read(Lake lake) {
    File[] files = lake.runs().toFile().listFiles(f -> f.getName().endsWith(".json"));
    List<RunRecord> out = new ArrayList<>();
    for (File f : files == null ? new File[0] : files) {
      try {
        out.add(RunLog.mapper().readValue(f, RunRecord.class));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read run record " + f, e);
      }
    }
    return of(out);
  }

  /** The records given, ordered by start. */
  public static RunHistory of(List<RunRecord> records) {
    List<RunRecord> sorted = new ArrayList<>(records);
    sorted.sort(Comparator.comparing(RunRecord::start));
    return new RunHistory(sorted);
  }

  /** Command → its latest run, commands in the order of their latest runs. */
  public Map<String, RunRecord> lastByCommand() {
    Map<String, RunRecord> out = new LinkedHashMap<>();
    for (RunRecord r : runs) {
      out.remove(r.command());
      out.put(r.command(), r);
    }
    return out;
  }

  /** The latest run that did not succeed. */
  public Optional<RunRecord> lastFailure() {
    for (int i = runs.size() - 1; i >= 0; i--) {
      if (!"success".equals(runs.get(i).status())) {
        return Optional.of(runs.get(i));
      }
    }
    return Optional.empty();
  }
}
