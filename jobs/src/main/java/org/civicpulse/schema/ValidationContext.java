package org.civicpulse.schema;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.civicpulse.privacy.Pseudonymizer;

/** What validating one record needs beyond the record: reference ids, SLA hours, time zone, the key. */
public record ValidationContext(
    String zoneId,
    Set<String> communities,
    Set<String> categories,
    Map<String, Double> slaHours,
    Pseudonymizer pseudonymizer) implements Serializable {

  public ZoneId zone() {
    return ZoneId.of(zoneId);
  }
}
