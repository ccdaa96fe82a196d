package org.civicpulse.schema;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.civicpulse.privacy.Pseudonymizer;

/**
 * What validating one record needs beyond the record: reference ids, SLA hours, time zone, the key, and the
 * latest instant a record's time may have (later is in the future: a clock or typing error).
 */
public record ValidationContext(
    String zoneId,
    Set<String> communities,
    Set<String> categories,
    Map<String, Double> slaHours,
    Pseudonymizer pseudonymizer,
    long latestEpochMilli) implements Serializable {

  /** A day of slack past now: a device clock a little ahead, or a time zone mistaken, is not an error. */
  public ValidationContext(String zoneId, Set<String> communities, Set<String> categories, Map<String, Double> slaHours,
      Pseudonymizer pseudonymizer) {
    this(zoneId, communities, categories, slaHours, pseudonymizer,
        java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toEpochMilli());
  }

  public ZoneId zone() {
    return ZoneId.of(zoneId);
  }
}
