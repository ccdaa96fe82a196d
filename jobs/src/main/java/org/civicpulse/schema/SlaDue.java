package org.civicpulse.schema;

import java.sql.Timestamp;
import java.util.List;

/** SLA due time fixed when a request first enters the lake (docs/metrics.md), by batch ingest and stream alike. */
public final class SlaDue {
  private SlaDue() {}

  /** Fills due_at of typed service_requests values when empty: created_at + the category's hours (override first). */
  public static void fill(TableSchema schema, Object[] values, ValidationContext ctx) {
    if (!schema.table().equals(Schemas.SERVICE_REQUESTS)) {
      return;
    }
    List<String> names = schema.fieldNames();
    int due = names.indexOf("due_at");
    if (values[due] != null) {
      return;
    }
    Double hours = ctx.slaHours().get((String) values[names.indexOf("category")]);
    Timestamp created = (Timestamp) values[names.indexOf("created_at")];
    if (hours != null && created != null) {
      values[due] = Timestamp.from(created.toInstant().plusSeconds(Math.round(hours * 3600)));
    }
  }
}
