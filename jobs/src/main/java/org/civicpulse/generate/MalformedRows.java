package org.civicpulse.generate;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Breaks a copy of a good row in one of the ways DESIGN §2's validation lists, and notes it in the manifest. */
final class MalformedRows {
  private static final String[] REQUEST_KINDS = {"missing_required", "bad_timestamp", "bad_enum", "out_of_range",
      "unknown_community", "unknown_category", "too_many_fields", "too_few_fields", "broken_quoting",
      "closed_before_created", "ack_before_created", "ack_after_closed", "closed_without_closed_at", "open_with_closed_at"};

  private final SplittableRandom rnd;
  private final List<Map<String, Object>> manifest;
  private int next;

  MalformedRows(SplittableRandom rnd, List<Map<String, Object>> manifest) {
    this.rnd = rnd;
    this.manifest = manifest;
  }

  void request(CsvSink sink, String file, Object[] good) throws IOException {
    Object[] r = good.clone();
    r[0] = "BAD" + r[0];
    String kind = REQUEST_KINDS[next++ % REQUEST_KINDS.length];
    String line = switch (kind) {
      case "missing_required" -> { r[3] = ""; yield csv(r); }
      case "bad_timestamp" -> { r[1] = "2024-13-45 25:61:00"; yield csv(r); }
      case "bad_enum" -> { r[5] = "fax"; yield csv(r); }
      case "out_of_range" -> { r[15] = "123.4"; yield csv(r); }
      case "unknown_community" -> { r[3] = "C99"; yield csv(r); }
      case "unknown_category" -> { r[4] = "ufo_sighting"; yield csv(r); }
      case "too_many_fields" -> csv(r) + ",extra";
      case "too_few_fields" -> csv(java.util.Arrays.copyOf(r, r.length - 2));
      case "broken_quoting" -> { r[17] = ""; yield csv(r).replaceFirst(",,(\\d+)$", ",\"unterminated\"x,$1"); }
      case "closed_before_created" -> { r[6] = "closed"; r[7] = ""; r[8] = "2020-01-01 00:00:00"; yield csv(r); }
      case "ack_before_created" -> { r[7] = "2020-01-01 00:00:00"; yield csv(r); }
      case "ack_after_closed" -> { r[6] = "closed"; r[8] = r[1]; r[7] = "2099-01-01 00:00:00"; yield csv(r); }
      case "closed_without_closed_at" -> { r[6] = "closed"; r[8] = ""; yield csv(r); }
      case "open_with_closed_at" -> { r[6] = "open"; r[8] = r[1]; yield csv(r); }
      default -> throw new IllegalStateException(kind);
    };
    note(file, sink.writeRaw(line), kind);
  }

  void feedback(CsvSink sink, String file, Object[] good) throws IOException {
    Object[] r = good.clone();
    r[0] = "BAD" + r[0];
    boolean rating = rnd.nextBoolean();
    if (rating) {
      r[4] = 7;
    } else {
      r[1] = "yesterday";
    }
    note(file, sink.writeRaw(csv(r)), rating ? "out_of_range" : "bad_timestamp");
  }

  void participation(CsvSink sink, String file, Object[] good) throws IOException {
    Object[] r = good.clone();
    r[0] = "BAD" + r[0];
    r[3] = "dancing";
    note(file, sink.writeRaw(csv(r)), "bad_enum");
  }

  void note(String file, long line, String kind) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", file);
    m.put("line", line);
    m.put("kind", kind);
    manifest.add(m);
  }

  /** Simple fields only (the generator's values need no quoting except descriptions, which are cleared or quoted). */
  private static String csv(Object[] r) {
    return Stream.of(r).map(o -> {
      String s = String.valueOf(o);
      return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }).collect(Collectors.joining(","));
  }
}
