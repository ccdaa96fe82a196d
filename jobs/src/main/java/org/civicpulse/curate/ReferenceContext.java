package org.civicpulse.curate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.privacy.Pseudonymizer;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.ValidationContext;

/** The validation context as the lake's reference tables hold it now (shared by ingest and stream). */
public final class ReferenceContext {
  private ReferenceContext() {}

  public static ValidationContext load(DeltaStore store, Lake lake, String zone, Map<String, Double> slaOverrides,
      Pseudonymizer pseudonymizer) {
    Set<String> communities = ids(store, lake, Schemas.COMMUNITIES, "community_id");
    Map<String, Double> sla = new LinkedHashMap<>();
    for (Row r : store.read(lake.curated(Schemas.CATEGORIES), Schemas.get(Schemas.CATEGORIES).sparkSchema())
        .select("category", "sla_hours").collectAsList()) {
      sla.put(r.getString(0), r.isNullAt(1) ? null : r.getDouble(1));
    }
    sla.putAll(slaOverrides);
    Set<String> categories = new HashSet<>(ids(store, lake, Schemas.CATEGORIES, "category"));
    return new ValidationContext(zone, communities, categories, sla, pseudonymizer);
  }

  private static Set<String> ids(DeltaStore store, Lake lake, String table, String column) {
    Set<String> out = new HashSet<>();
    store.read(lake.curated(table), Schemas.get(table).sparkSchema()).select(column).collectAsList()
        .forEach(r -> out.add(r.getString(0)));
    return out;
  }
}
