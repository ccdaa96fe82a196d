package org.civicpulse.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run planted, for tests and ingest checks: the spec, rows per file with the counts ingest should
 * report on an empty lake, the anomalies, the malformed rows and the repeated ids. Written as manifest.json by
 * hand so the bytes depend on nothing but the content (no output path, no clock).
 */
final class Manifest {
  record FileEntry(String file, String dataset, long rows, long malformed, long unchanged, long updated) {}

  record MalformedRow(String file, long line, String reason, String field, String id) {}

  record RepeatedId(String file, long line, long firstLine, String id, String kind) {}

  private final GeneratorSpec spec;
  private final List<FileEntry> files = new ArrayList<>();
  private final List<PlantedAnomaly> anomalies = new ArrayList<>();
  private final List<MalformedRow> malformed = new ArrayList<>();
  private final List<RepeatedId> repeated = new ArrayList<>();

  Manifest(GeneratorSpec spec) {
    this.spec = spec;
  }

  void file(FileEntry e) {
    files.add(e);
  }

  void anomalies(List<PlantedAnomaly> list) {
    anomalies.addAll(list);
  }

  void malformed(MalformedRow m) {
    malformed.add(m);
  }

  void repeated(RepeatedId r) {
    repeated.add(r);
  }

  long malformedCount() {
    return malformed.size();
  }

  void write(Path path) throws IOException {
    // Rows were recorded as the passes interleaved files; the file reads better in file and line order.
    malformed.sort((a, b) -> a.file().equals(b.file()) ? Long.compare(a.line(), b.line()) : a.file().compareTo(b.file()));
    repeated.sort((a, b) -> a.file().equals(b.file()) ? Long.compare(a.line(), b.line()) : a.file().compareTo(b.file()));
    StringBuilder b = new StringBuilder(1 << 16);
    b.append("{\n");
    b.append("  \"format\": \"civicpulse-sample-manifest/1\",\n");
    b.append("  \"generator\": \"civicpulse generate\",\n");
    b.append("  \"timezone\": \"Asia/Shanghai\",\n");
    b.append("  \"holidays\": \"CN\",\n");
    b.append("  \"spec\": {\"communities\": ").append(spec.communities())
        .append(", \"start\": ").append(str(spec.start().toString()))
        .append(", \"end\": ").append(str(spec.end().toString()))
        .append(", \"seed\": ").append(spec.seed())
        .append(", \"requests\": ").append(spec.requests())
        .append(", \"malformed_share\": ").append(spec.malformedShare()).append("},\n");
    b.append("  \"files\": [");
    for (int i = 0; i < files.size(); i++) {
      FileEntry f = files.get(i);
      long quarantined = f.malformed();
      long inserted = f.rows() - f.malformed() - f.unchanged() - f.updated();
      b.append(i == 0 ? "\n" : ",\n").append("    {\"file\": ").append(str(f.file()))
          .append(", \"dataset\": ").append(str(f.dataset()))
          .append(", \"rows\": ").append(f.rows())
          .append(", \"expected_on_empty_lake\": {\"read\": ").append(f.rows())
          .append(", \"inserted\": ").append(inserted)
          .append(", \"updated\": ").append(f.updated())
          .append(", \"unchanged\": ").append(f.unchanged())
          .append(", \"quarantined\": ").append(quarantined).append("}}");
    }
    b.append("\n  ],\n");
    b.append("  \"anomalies\": [");
    for (int i = 0; i < anomalies.size(); i++) {
      PlantedAnomaly a = anomalies.get(i);
      b.append(i == 0 ? "\n" : ",\n").append("    {\"community_id\": ").append(str(a.communityId()))
          .append(", \"category\": ").append(str(a.category()))
          .append(", \"start\": ").append(str(a.start().toString()))
          .append(", \"days\": ").append(a.days())
          .append(", \"extra_per_day\": ").append(a.extraPerDay())
          .append(", \"reason\": ").append(str(a.reason())).append('}');
    }
    b.append("\n  ],\n");
    b.append("  \"malformed\": [");
    for (int i = 0; i < malformed.size(); i++) {
      MalformedRow m = malformed.get(i);
      b.append(i == 0 ? "\n" : ",\n").append("    {\"file\": ").append(str(m.file()))
          .append(", \"line\": ").append(m.line())
          .append(", \"reason\": ").append(str(m.reason()))
          .append(", \"field\": ").append(m.field() == null ? "null" : str(m.field()))
          .append(", \"id\": ").append(str(m.id())).append('}');
    }
    b.append("\n  ],\n");
    b.append("  \"repeated_ids\": [");
    for (int i = 0; i < repeated.size(); i++) {
      RepeatedId r = repeated.get(i);
      b.append(i == 0 ? "\n" : ",\n").append("    {\"file\": ").append(str(r.file()))
          .append(", \"line\": ").append(r.line())
          .append(", \"first_line\": ").append(r.firstLine())
          .append(", \"id\": ").append(str(r.id()))
          .append(", \"kind\": ").append(str(r.kind())).append('}');
    }
    b.append("\n  ]\n}\n");
    Files.writeString(path, b.toString(), StandardCharsets.UTF_8);
  }

  private static String str(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
