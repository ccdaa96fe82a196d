package org.civicpulse.ingest;

import java.util.List;

/** The canonical landing columns that the feedback and participation adapters fill (their synthetic headers). */
public final class FactHeaders {
  /** Feedback columns; resident_id is raw and becomes resident_key at validation. */
  public static final List<String> FEEDBACK = List.of("feedback_id", "submitted_at", "community_id", "request_id",
      "rating", "channel", "comment", "resident_id");
  /** Participation columns; resident_id is raw and becomes resident_key at validation. */
  public static final List<String> PARTICIPATION = List.of("participation_id", "occurred_at", "community_id",
      "activity_type", "activity_id", "resident_id", "participant_role");

  private FactHeaders() {}
}
