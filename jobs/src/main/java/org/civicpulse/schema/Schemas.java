package org.civicpulse.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads the canonical table schemas from the schemas/*.json files packed into the jar. */
public final class Schemas {
  public static final String SERVICE_REQUESTS = "service_requests";
  public static final String REQUEST_EVENTS = "request_events";
  public static final String FEEDBACK = "feedback";
  public static final String PARTICIPATION = "participation";
  public static final String COMMUNITIES = "communities";
  public static final String CATEGORIES = "categories";
  public static final String QUARANTINE = "quarantine";

  /** Every table, in the order ingest reports them. */
  public static final List<String> ALL = List.of(
      COMMUNITIES, CATEGORIES, SERVICE_REQUESTS, REQUEST_EVENTS, FEEDBACK, PARTICIPATION, QUARANTINE);

  private static final Map<String, TableSchema> CACHE = new ConcurrentHashMap<>();

  private Schemas() {}

  public static TableSchema get(String table) {
    return CACHE.computeIfAbsent(table, Schemas::load);
  }

  private static TableSchema load(String table) {
    String resource = "/schemas/" + table + ".json";
    try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema file missing from the classpath: " + resource);
      }
      return parse(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + resource, e);
    }
  }

  static TableSchema parse(JsonNode doc) {
    return new TableSchema(
        doc.path("table").asText(),
        text(doc, "key"),
        text(doc, "time_field"),
        text(doc, "partition_by"),
        text(doc, "landing_file"),
        fields(doc.path("fields")),
        fields(doc.path("landing_only_fields")),
        rules(doc.path("rules")));
  }

  private static List<CrossFieldRule> rules(JsonNode array) {
    List<CrossFieldRule> out = new ArrayList<>();
    for (JsonNode r : array) {
      out.add(new CrossFieldRule(text(r, "code"), text(r, "kind"), text(r, "field"), text(r, "than"),
          text(r, "when_field"), strings(r.get("when_values")), r.hasNonNull("limit") ? r.get("limit").asDouble() : null,
          text(r, "text_en")));
    }
    return List.copyOf(out);
  }

  private static List<FieldSpec> fields(JsonNode array) {
    List<FieldSpec> out = new ArrayList<>();
    for (JsonNode f : array) {
      out.add(new FieldSpec(
          f.path("name").asText(),
          f.path("type").asText(),
          f.path("required").asBoolean(false),
          strings(f.get("allowed")),
          f.has("min") ? f.get("min").asDouble() : null,
          f.has("max") ? f.get("max").asDouble() : null,
          f.has("round") ? f.get("round").asInt() : null,
          f.path("mask").asBoolean(false),
          strings(f.get("derived_from")),
          text(f, "references"),
          text(f, "description_en"),
          text(f, "description_zh")));
    }
    return List.copyOf(out);
  }

  private static List<String> strings(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
