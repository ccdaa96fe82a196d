package org.civicpulse.report;

import java.util.List;

/**
 * What the live page shows, read from the stream's live marts: the newest event time, open requests per
 * community, the last hour's requests per community × category, and the spike alerts of the last hour.
 */
public record LiveData(String asOf, List<Backlog> backlog, List<Volume> volume, List<Alert> alerts) {
  /** Open requests of one community now. */
  public record Backlog(String community, long open) {}

  /** Requests created in the last 60 minutes in one community × category. */
  public record Volume(String community, String category, long last60) {}

  /** One spike alert: the hour, its count, the usual count and the robust z (null when MAD is 0). */
  public record Alert(String community, String category, String window, long volume, double median, Double z) {}
}
