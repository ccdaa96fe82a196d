package org.civicpulse.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Derives request_events from a transition between two states of one request (docs/data.md): created at
 * created_at, acknowledged at acknowledged_at, closed at closed_at, reopened when the reopen count grows or
 * a closed request opens again, status events at updated_at. Ids are a hash of request, type and time, so
 * deriving again from the same states yields the same ids and re-ingesting adds nothing.
 */
public final class EventDeriver implements java.io.Serializable {
  private final RequestFields f;

  public EventDeriver(RequestFields fields) {
    this.f = fields;
  }

  /** @param prev the state before (null for a new request) @param next the new state */
  public List<RequestEvent> derive(Object[] prev, Object[] next) {
    List<RequestEvent> out = new ArrayList<>();
    String id = (String) next[f.requestId];
    Timestamp created = (Timestamp) next[f.createdAt];
    Timestamp updated = (Timestamp) next[f.updatedAt];
    if (prev == null) {
      out.add(event(id, "created", created, next, ""));
    }
    Timestamp ack = (Timestamp) next[f.acknowledgedAt];
    if (ack != null && (prev == null || !Objects.equals(prev[f.acknowledgedAt], ack))) {
      out.add(event(id, "acknowledged", ack, next, ""));
    }
    String status = (String) next[f.status];
    String prevStatus = prev == null ? null : (String) prev[f.status];
    Timestamp statusTime = updated != null ? updated : firstNonNull(ack, created);
    if (prev != null && isReopen(prev, next)) {
      Timestamp at = updated != null ? updated : (Timestamp) prev[f.closedAt];
      out.add(event(id, "reopened", at, next, String.valueOf(next[f.reopenedCount])));
    }
    if ((status.equals("assigned") || status.equals("in_progress") || status.equals("rejected")
        || status.equals("duplicate")) && !status.equals(prevStatus)) {
      out.add(event(id, status, statusTime, next, ""));
    }
    Timestamp closed = (Timestamp) next[f.closedAt];
    if (closed != null && (prev == null || !Objects.equals(prev[f.closedAt], closed))) {
      out.add(event(id, "closed", closed, next, ""));
    }
    if (prev != null && out.isEmpty()) {
      out.add(event(id, "updated", statusTime, next, contentHash(next)));
    }
    return out;
  }

  private boolean isReopen(Object[] prev, Object[] next) {
    int before = count(prev[f.reopenedCount]);
    int after = count(next[f.reopenedCount]);
    boolean reopenedAgain = "closed".equals(prev[f.status]) && !"closed".equals(next[f.status])
        && !"rejected".equals(next[f.status]) && !"duplicate".equals(next[f.status]);
    return after > before || reopenedAgain;
  }

  private static int count(Object o) {
    return o == null ? 0 : (Integer) o;
  }

  private static Timestamp firstNonNull(Timestamp a, Timestamp b) {
    return a != null ? a : b;
  }

  private String contentHash(Object[] state) {
    StringBuilder sb = new StringBuilder();
    for (Object o : state) {
      sb.append(o).append('\u0001');
    }
    return sha256(sb.toString()).substring(0, 16);
  }

  private RequestEvent event(String requestId, String type, Timestamp time, Object[] state, String salt) {
    String key = requestId + "|" + type + "|" + (time == null ? "" : time.toInstant().toString()) + "|" + salt;
    return new RequestEvent(sha256(key).substring(0, 32), type, time, state);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
