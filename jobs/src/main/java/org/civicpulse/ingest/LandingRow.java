package org.civicpulse.ingest;

import java.util.Map;

/** One landing record for replay: where it came from, its raw text, and its values by name (null when broken). */
public record LandingRow(String source, long line, String raw, Map<String, String> byName) {
  public boolean broken() {
    return byName == null;
  }

  /** A value, trimmed, or null when absent or blank. */
  public String get(String name) {
    String v = byName == null ? null : byName.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }
}
