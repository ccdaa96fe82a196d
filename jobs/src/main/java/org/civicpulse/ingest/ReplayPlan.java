package org.civicpulse.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;
import org.civicpulse.schema.Timestamps;

/**
 * What replay sends, in event-time order across datasets: request events as batch ingest derives them,
 * feedback and participation records as they are (their own ids make them idempotent downstream).
 * Records whose time cannot be read go first, so they are quarantined before anything depends on them.
 */
public final class ReplayPlan {
  private ReplayPlan() {}

  /** @param files dataset (service_requests, feedback, participation) → its landing files */
  public static List<ReplayEvent> build(Map<String, List<Path>> files, ZoneId zone) {
    List<ReplayEvent> all = new ArrayList<>();
    for (Map.Entry<String, List<Path>> e : files.entrySet()) {
      TableSchema schema = Schemas.get(e.getKey());
      List<LandingRow> rows = LandingRows.read(e.getValue(), schema);
      if (e.getKey().equals(Schemas.SERVICE_REQUESTS)) {
        all.addAll(new RequestEventPlanner(zone).plan(rows));
      } else {
        rows.forEach(r -> all.add(record(r, schema, zone)));
      }
    }
    // Stable: events at the same instant keep dataset order and the deriver's order (created before closed).
    all.sort(Comparator.comparing(ReplayEvent::time));
    return all;
  }

  private static ReplayEvent record(LandingRow r, TableSchema schema, ZoneId zone) {
    if (r.broken()) {
      return new ReplayEvent(schema.table(), null, Instant.EPOCH, r.raw());
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : schema.landingFieldNames()) {
      if (r.get(name) != null) {
        values.put(name, r.get(name));
      }
    }
    Instant t = Timestamps.parse(r.get(schema.timeField()), zone);
    return new ReplayEvent(schema.table(), r.get("community_id"), t == null ? Instant.EPOCH : t,
        RequestEventPlanner.toJson(values));
  }
}
