package org.civicpulse.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.civicpulse.schema.Reasons;

/**
 * Reads JSON Lines (one object per line, keys = landing field names). It yields a synthetic header first (the
 * landing names), so records flow through the same staging as CSV; line numbers count the file's own lines.
 */
public final class JsonLinesRecordReader extends HeaderFirstReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BufferedReader in;
  private final List<String> header;
  private long line;

  public JsonLinesRecordReader(BufferedReader in, List<String> landingNames) {
    super(landingNames);
    this.in = in;
    this.header = List.copyOf(landingNames);
  }

  @Override
  RawRecord read() {
    try {
      String text;
      do {
        text = in.readLine();
        if (text == null) {
          in.close();
          return null;
        }
        line++;
      } while (text.isBlank());
      return parse(line, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RawRecord parse(long at, String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (IOException e) {
      return new RawRecord(at, text, null, List.of(Reasons.of(Reasons.BAD_JSON, "not a JSON object: " + firstLine(e.getMessage()))));
    }
    if (node == null || !node.isObject()) {
      return new RawRecord(at, text, null, List.of(Reasons.of(Reasons.BAD_JSON, "not a JSON object")));
    }
    List<String> values = new ArrayList<>(header.size());
    for (String name : header) {
      JsonNode v = node.get(name);
      values.add(v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
    }
    return new RawRecord(at, text, values, List.of());
  }

  private static String firstLine(String s) {
    int nl = s == null ? -1 : s.indexOf('\n');
    return s == null ? "" : nl < 0 ? s : s.substring(0, nl);
  }
}
