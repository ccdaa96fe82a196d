package org.civicpulse.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicpulse.schema.Reasons;

/**
 * Reads Open311 GeoReport v2 requests (a JSON array with one object per line, as the real exports are written,
 * or JSON Lines) and maps each to canonical service_requests landing values, so staging, validation and
 * quarantine apply unchanged. A pretty-printed array spread over several lines per object is not supported.
 */
public final class Open311Reader extends HeaderFirstReader {
  /** Canonical landing columns this adapter fills; the synthetic header sent first. */
  public static final List<String> HEADER = List.of("request_id", "created_at", "updated_at", "community_id",
      "category", "channel", "status", "closed_at", "due_at", "lat", "lon", "description");

  /**
   * Default community: no grid, every request in the single area {@value #SINGLE_AREA}, because communities are
   * checked against the reference table and a city-wide row is the one a user can always write.
   */
  public static final double DEFAULT_GRID = 0;
  /** The community id used when no grid is set. */
  public static final String SINGLE_AREA = "all";

  private static final ObjectMapper JSON = new ObjectMapper();
  // Open311 bulk "source" values seen in Boston/Chicago style exports; anything else is "other".
  private static final Map<String, String> CHANNELS = Map.ofEntries(
      Map.entry("constituent call", "hotline"), Map.entry("phone", "hotline"), Map.entry("call", "hotline"),
      Map.entry("citizens connect app", "app"), Map.entry("app", "app"), Map.entry("iphone", "app"),
      Map.entry("android", "app"), Map.entry("mobile", "app"), Map.entry("self service", "web"),
      Map.entry("web", "web"), Map.entry("website", "web"), Map.entry("twitter", "web"),
      Map.entry("email", "web"), Map.entry("employee generated", "grid_worker"),
      Map.entry("city worker app", "grid_worker"), Map.entry("walk in", "walk_in"), Map.entry("sensor", "sensor"));

  private final BufferedReader in;
  private final double gridDegrees;
  private long line;

  /**
   * @param gridDegrees size of the lat/long grid cell used as community (e.g. 0.01 ≈ 1 km; ids like
   *     grid_42.31_-71.11), or 0 for the single area "all"; Open311 has no neighbourhood field
   */
  public Open311Reader(BufferedReader in, double gridDegrees) {
    super(HEADER);
    this.in = in;
    this.gridDegrees = gridDegrees;
  }

  /** Reads every file as Open311 with the single area (the adapter ingest uses for --format open311). */
  public static LandingAdapter adapter() {
    return in -> new Open311Reader(in, DEFAULT_GRID);
  }

  @Override
  RawRecord read() {
    try {
      while (true) {
        String text = in.readLine();
        if (text == null) {
          in.close();
          return null;
        }
        line++;
        String body = strip(text);
        if (!body.isEmpty()) {
          return parse(line, text, body);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Drops the array punctuation around one object per line: a leading '[', trailing ',' or ']'. */
  static String strip(String text) {
    String s = text.strip();
    if (s.startsWith("[")) {
      s = s.substring(1).strip();
    }
    while (s.endsWith(",") || s.endsWith("]")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s;
  }

  RawRecord parse(long at, String raw, String body) {
    JsonNode n;
    try {
      n = JSON.readTree(body);
    } catch (IOException e) {
      return new RawRecord(at, raw, null, List.of(Reasons.of(Reasons.BAD_JSON, "not a JSON object")));
    }
    if (n == null || !n.isObject()) {
      return new RawRecord(at, raw, null, List.of(Reasons.of(Reasons.BAD_JSON, "not a JSON object")));
    }
    String status = status(text(n, "status"));
    String closed = text(n, "closed_date");
    // GeoReport v2 has no close time; for a closed request its last update is the best available stand-in.
    if (closed.isEmpty() && "closed".equals(status)) {
      closed = text(n, "updated_datetime");
    }
    String category = text(n, "service_name").isEmpty() ? text(n, "service_code") : text(n, "service_name");
    List<String> v = new ArrayList<>(HEADER.size());
    v.add(text(n, "service_request_id"));
    v.add(text(n, "requested_datetime"));
    v.add(text(n, "updated_datetime"));
    v.add(community(text(n, "lat"), text(n, "long")));
    v.add(category);
    v.add(channel(text(n, "source")));
    v.add(status);
    v.add("closed".equals(status) ? closed : "");
    v.add(text(n, "expected_datetime"));
    v.add(text(n, "lat"));
    v.add(text(n, "long"));
    v.add(text(n, "description"));
    return new RawRecord(at, raw, v, List.of());
  }

  /** open/closed map to themselves; unknown values pass through lower-cased so validation quarantines them. */
  static String status(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "open", "opened", "new" -> "open";
      case "closed", "close", "resolved" -> "closed";
      case "in progress", "in_progress" -> "in_progress";
      default -> t;
    };
  }

  static String channel(String source) {
    return CHANNELS.getOrDefault(source.trim().toLowerCase(Locale.ROOT), "other");
  }

  String community(String lat, String lon) {
    if (gridDegrees <= 0) {
      return SINGLE_AREA;
    }
    try {
      double la = Double.parseDouble(lat);
      double lo = Double.parseDouble(lon);
      return "grid_" + cell(la) + "_" + cell(lo);
    } catch (NumberFormatException e) {
      return "unknown";
    }
  }

  private String cell(double x) {
    long k = (long) Math.floor(x / gridDegrees);
    return String.format(Locale.ROOT, "%.2f", k * gridDegrees);
  }

  private static String text(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString();
  }
}
