package org.civicpulse.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicpulse.schema.FieldSpec;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;
import org.civicpulse.schema.Timestamps;

/**
 * Turns request landing rows into the request events a source system would have sent: the same events,
 * ids and times as batch ingest derives ({@link RequestVersions}, {@link EventDeriver}), each carrying the
 * request's state as of that event (acknowledged_at, closed_at and status only once they have happened), so
 * the stream can keep service_requests current from the events alone.
 */
public final class RequestEventPlanner {
  /** JSON keys of the event itself; the rest of a payload is the request's landing fields. */
  public static final String EVENT_ID = "event_id";
  public static final String EVENT_TYPE = "event_type";
  public static final String EVENT_TIME = "event_time";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final TableSchema schema = Schemas.get(Schemas.SERVICE_REQUESTS);
  private final RequestFields f = new RequestFields();
  private final RequestVersions versions = new RequestVersions(f);
  private final ZoneId zone;

  public RequestEventPlanner(ZoneId zone) {
    this.zone = zone;
  }

  /** Every event of the rows (grouped by request_id, versions in file order); broken rows are sent raw. */
  public List<ReplayEvent> plan(List<LandingRow> rows) {
    Map<String, List<LandingRow>> byRequest = new LinkedHashMap<>();
    List<ReplayEvent> out = new ArrayList<>();
    for (LandingRow r : rows) {
      if (typed(r) == null) {
        out.add(raw(r));
      } else {
        byRequest.computeIfAbsent(r.get("request_id"), k -> new ArrayList<>()).add(r);
      }
    }
    for (List<LandingRow> versionRows : byRequest.values()) {
      List<Object[]> states = new ArrayList<>();
      versionRows.forEach(r -> states.add(typed(r)));
      List<RequestEvent> events = versions.walk(null, states).events();
      for (RequestEvent e : events) {
        int v = indexOf(states, e.state());
        Object[] prev = v == 0 ? null : states.get(v - 1);
        out.add(event(e, versionRows.get(v), states.get(v), prev));
      }
    }
    return out;
  }

  /** A broken row still goes out, as its raw text: the stream must see and quarantine what the source sent. */
  private ReplayEvent raw(LandingRow r) {
    Instant t = r.broken() ? null : Timestamps.parse(r.get("created_at"), zone);
    return new ReplayEvent(Schemas.SERVICE_REQUESTS, r.get("community_id"), t == null ? Instant.EPOCH : t,
        r.broken() ? r.raw() : toJson(textValues(r, Map.of())));
  }

  private static int indexOf(List<Object[]> states, Object[] state) {
    for (int i = 0; i < states.size(); i++) {
      if (states.get(i) == state) {
        return i;
      }
    }
    throw new IllegalStateException("event of an unknown version");
  }

  private ReplayEvent event(RequestEvent e, LandingRow row, Object[] state, Object[] prev) {
    Timestamp t = e.eventTime();
    Map<String, String> override = new LinkedHashMap<>();
    Timestamp ack = (Timestamp) state[f.acknowledgedAt];
    Timestamp closed = (Timestamp) state[f.closedAt];
    boolean acked = ack != null && !ack.after(t);
    boolean isClosed = closed != null && !closed.after(t);
    String status = !t.before(statusTime(state)) ? (String) state[f.status]
        : prev == null ? "open" : (String) prev[f.status];
    if (isClosed && List.of("open", "assigned", "in_progress").contains(status)) {
      isClosed = false; // the status change is still to come; a closed_at now would contradict the status
    }
    override.put("acknowledged_at", acked ? iso(ack) : null);
    override.put("closed_at", isClosed ? iso(closed) : null);
    override.put("status", status);
    override.put("updated_at", iso(t));
    override.put("created_at", iso((Timestamp) state[f.createdAt]));
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put(EVENT_ID, e.eventId());
    payload.put(EVENT_TYPE, e.eventType());
    payload.put(EVENT_TIME, iso(t));
    payload.putAll(textValues(row, override));
    return new ReplayEvent(Schemas.SERVICE_REQUESTS, row.get("community_id"), t.toInstant(), toJson(payload));
  }

  /** When the version's status took effect: its close for a closed request, else as the deriver times it. */
  private Timestamp statusTime(Object[] s) {
    if ("closed".equals(s[f.status]) && s[f.closedAt] != null) {
      return (Timestamp) s[f.closedAt];
    }
    Timestamp updated = (Timestamp) s[f.updatedAt];
    Timestamp ack = (Timestamp) s[f.acknowledgedAt];
    return updated != null ? updated : ack != null ? ack : (Timestamp) s[f.createdAt];
  }

  private Map<String, String> textValues(LandingRow row, Map<String, String> override) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : schema.landingFieldNames()) {
      String v = override.containsKey(name) ? override.get(name) : row.get(name);
      if (v != null) {
        out.put(name, v);
      }
    }
    return out;
  }

  /**
   * The state as versioning compares it: the fields events are derived from typed, the rest as text (equal
   * text means equal content here, as equal values do in the lake); null when the row cannot be versioned.
   */
  Object[] typed(LandingRow r) {
    if (r.broken() || r.get("request_id") == null) {
      return null;
    }
    Object[] s = new Object[f.size];
    List<FieldSpec> fields = schema.fields();
    for (int i = 0; i < fields.size(); i++) {
      FieldSpec fs = fields.get(i);
      s[i] = fs.isDerived() ? r.get("resident_id") + "|" + r.get("phone") : r.get(fs.name());
    }
    for (int i : new int[] {f.createdAt, f.updatedAt, f.acknowledgedAt, f.closedAt}) {
      if (s[i] != null) {
        Instant t = Timestamps.parse((String) s[i], zone);
        if (t == null) {
          return null;
        }
        s[i] = Timestamp.from(t);
      }
    }
    if (s[f.createdAt] == null || s[f.status] == null) {
      return null;
    }
    try {
      s[f.reopenedCount] = s[f.reopenedCount] == null ? null : Integer.valueOf((String) s[f.reopenedCount]);
    } catch (NumberFormatException e) {
      return null;
    }
    return s;
  }

  private static String iso(Timestamp t) {
    return t == null ? null : t.toInstant().toString();
  }

  static String toJson(Map<String, String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
