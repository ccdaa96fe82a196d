package org.civicpulse.ingest;

import java.io.Serializable;
import java.util.List;
import org.civicpulse.schema.Schemas;

/** Positions of the service_requests fields that versioning and event derivation look at. */
public final class RequestFields implements Serializable {
  final int requestId;
  final int createdAt;
  final int updatedAt;
  final int status;
  final int acknowledgedAt;
  final int closedAt;
  final int reopenedCount;
  /** Number of curated fields (the month partition column follows them). */
  final int size;

  public RequestFields() {
    List<String> names = Schemas.get(Schemas.SERVICE_REQUESTS).fieldNames();
    requestId = names.indexOf("request_id");
    createdAt = names.indexOf("created_at");
    updatedAt = names.indexOf("updated_at");
    status = names.indexOf("status");
    acknowledgedAt = names.indexOf("acknowledged_at");
    closedAt = names.indexOf("closed_at");
    reopenedCount = names.indexOf("reopened_count");
    size = names.size();
    for (int i : new int[] {requestId, createdAt, updatedAt, status, acknowledgedAt, closedAt, reopenedCount}) {
      if (i < 0) {
        throw new IllegalStateException("schemas/service_requests.json lacks a field versioning needs: " + names);
      }
    }
  }
}
