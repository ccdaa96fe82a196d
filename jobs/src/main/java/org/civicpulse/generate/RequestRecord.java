package org.civicpulse.generate;

/** One request as the source system would export it at the end of the period, plus facts the models reuse. */
final class RequestRecord {
  static final String[] HEADER = {"request_id", "created_at", "updated_at", "community_id", "category", "channel",
      "status", "acknowledged_at", "closed_at", "due_at", "provider_id", "provider_type", "priority",
      "resident_id", "phone", "lat", "lon", "description", "reopened_count"};
  static final long NONE = Long.MIN_VALUE;

  String requestId;
  long created;
  long updated;
  Community community;
  Category category;
  String channel;
  String status;
  long acknowledged = NONE;
  long closed = NONE;
  /** Given in the file only for urgent requests; otherwise ingest derives it from sla_hours. */
  long dueGiven = NONE;
  /** The due time ingest will compute, kept to decide lateness for ratings. */
  long dueEffective;
  long firstClosed = NONE;
  String providerId = "";
  String providerType = "";
  String priority;
  String residentId = "";
  String phone = "";
  String lat;
  String lon;
  String description;
  int reopened;
  /** Set when the same request was first exported in an earlier state (see SampleGenerator's later versions). */
  long progressAt = NONE;

  boolean isClosed() {
    return "closed".equals(status);
  }

  boolean late() {
    return firstClosed != NONE && firstClosed > dueEffective;
  }

  String[] toRow(LocalTimes t) {
    return new String[] {requestId, t.format(created), t.format(updated), community.id(), category.code(), channel,
        status, time(t, acknowledged), time(t, closed), time(t, dueGiven), providerId, providerType, priority,
        residentId, phone, lat, lon, description, Integer.toString(reopened)};
  }

  private static String time(LocalTimes t, long v) {
    return v == NONE ? "" : t.format(v);
  }
}
