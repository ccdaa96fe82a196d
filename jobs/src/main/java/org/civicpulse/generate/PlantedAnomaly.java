package org.civicpulse.generate;

import java.time.LocalDate;

/** A burst planted on purpose: extra requests per day in one community × category cell. */
record PlantedAnomaly(String communityId, String category, LocalDate start, int days, int extraPerDay,
    String reason) {

  boolean covers(LocalDate d) {
    return !d.isBefore(start) && d.isBefore(start.plusDays(days));
  }
}
