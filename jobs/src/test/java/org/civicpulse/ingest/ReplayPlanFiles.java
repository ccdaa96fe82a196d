package org.civicpulse.ingest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicpulse.schema.Schemas;

/** The landing files of the streaming fixture (src/test/resources/fixtures/stream), by dataset. */
public final class ReplayPlanFiles {
  static final Path FIX = Path.of("src/test/resources/fixtures/stream");

  private ReplayPlanFiles() {}

  public static Map<String, List<Path>> fixture() {
    Map<String, List<Path>> m = new LinkedHashMap<>();
    m.put(Schemas.SERVICE_REQUESTS, List.of(FIX.resolve("requests.csv")));
    m.put(Schemas.FEEDBACK, List.of(FIX.resolve("feedback.csv")));
    m.put(Schemas.PARTICIPATION, List.of(FIX.resolve("participation.csv")));
    return m;
  }
}
