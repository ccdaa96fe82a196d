package org.civicpulse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A Delta table's active data files from its log actions: the checkpoint's files, then each commit's JSON lines
 * in version order, where {@code add} makes a path active and {@code remove} drops it (so a file added, removed
 * and added again is active). Pure: no file access, so the replay rule is unit-tested on hand-made lines.
 */
public final class DeltaLogReplay {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeltaLogReplay() {}

  /**
   * @param fromCheckpoint paths the latest checkpoint lists as added (empty without a checkpoint)
   * @param commitLines the JSON lines of every commit after the checkpoint, in version order
   * @return the active paths as the log writes them (relative and URL-encoded, or absolute URIs), first-added first
   */
  public static Set<String> activeFiles(Collection<String> fromCheckpoint, Iterable<String> commitLines) {
    Set<String> active = new LinkedHashSet<>(fromCheckpoint);
    for (String line : commitLines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode action = parse(line);
      if (action.hasNonNull("add")) {
        active.add(action.get("add").get("path").asText());
      } else if (action.hasNonNull("remove")) {
        active.remove(action.get("remove").get("path").asText());
      }
    }
    return active;
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException("bad _delta_log line: " + line, e);
    }
  }
}
