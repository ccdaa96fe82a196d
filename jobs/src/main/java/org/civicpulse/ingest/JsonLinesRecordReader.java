package org.civicpulse.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.civicpulse.schema.Reasons;

/**
 * Reads JSON Lines (one object per line, keys = landing field names). It yields a synthetic header first (the
 * landing names), so records flow through the same staging as CSV; line numbers count the file's own lines.
 */
public final class JsonLinesRecordReader implements Iterator<RawRecord> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BufferedReader in;
  private final List<String> header;
  private boolean headerSent;
  private long line;
  private RawRecord next;

  public JsonLinesRecordReader(BufferedReader in, List<String> landingNames) {
    this.in = in;
    this.header = List.copyOf(landingNames);
  }

  @Override
  public boolean hasNext() {
    if (!headerSent) {
      return true;
    }
    if (next == null) {
      next = read();
    }
    return next != null;
  }

  @Override
  public RawRecord next() {
    if (!headerSent) {
      headerSent = true;
      return new RawRecord(0, String.join(",", header), header, List.of());
    }
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RawRecord r = next;
    next = null;
    return r;
  }

  private RawRecord read() {
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
