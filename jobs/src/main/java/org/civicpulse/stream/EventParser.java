package org.civicpulse.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.civicpulse.curate.RecordColumns;
import org.civicpulse.schema.Reasons;
import org.civicpulse.schema.RecordValidator;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.SlaDue;
import org.civicpulse.schema.TableSchema;
import org.civicpulse.schema.ValidatedRecord;
import org.civicpulse.schema.ValidationContext;

/**
 * Parses one topic's JSON values against the schema files with the same validator as batch ingest (so the
 * same reasons, pseudonyms and masking). A request event is validated twice over one JSON object: as the
 * request's state (service_requests) and as the event (request_events); reasons are merged.
 */
public final class EventParser implements Serializable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TableSchema schema;
  private final RecordValidator validator;
  private final RecordValidator eventValidator;
  private final ValidationContext ctx;
  private final List<String> eventFields;

  /** @param dataset service_requests (request events), feedback or participation */
  public EventParser(String dataset, ValidationContext ctx) {
    this.schema = Schemas.get(dataset);
    this.ctx = ctx;
    this.validator = new RecordValidator(schema, ctx);
    boolean requests = dataset.equals(Schemas.SERVICE_REQUESTS);
    TableSchema events = Schemas.get(Schemas.REQUEST_EVENTS);
    this.eventValidator = requests ? new RecordValidator(events, ctx) : null;
    this.eventFields = requests ? List.of("event_id", "event_type", "event_time") : List.of();
  }

  /** Curated fields (no month), then event_id/event_type/event_time for requests, then the Kafka columns. */
  public StructType outputSchema() {
    StructType s = new StructType();
    for (StructField f : schema.sparkSchema().fields()) {
      if (!f.name().equals(TableSchema.MONTH_COLUMN)) {
        s = s.add(f.name(), f.dataType(), true);
      }
    }
    for (String e : eventFields) {
      s = s.add(e, e.equals("event_time") ? DataTypes.TimestampType : DataTypes.StringType, true);
    }
    return RecordColumns.schema(s, KafkaRows.POSITION);
  }

  public Iterator<Row> parse(Iterator<Row> kafka) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return kafka.hasNext();
      }

      @Override
      public Row next() {
        return parse(kafka.next());
      }
    };
  }

  /** @param k a row of {@link KafkaRows#source()} */
  public Row parse(Row k) {
    String raw = k.getString(3);
    Set<String> reasons = new LinkedHashSet<>();
    int n = schema.fields().size();
    Object[] out = new Object[n + eventFields.size()];
    Map<String, String> byName = fields(raw, reasons);
    if (byName != null) {
      ValidatedRecord v = validator.validate(byName);
      reasons.addAll(v.reasons());
      System.arraycopy(v.values(), 0, out, 0, n);
      if (eventValidator != null) {
        ValidatedRecord ev = eventValidator.validate(byName);
        reasons.addAll(ev.reasons());
        List<String> names = Schemas.get(Schemas.REQUEST_EVENTS).fieldNames();
        for (int i = 0; i < eventFields.size(); i++) {
          out[n + i] = ev.values()[names.indexOf(eventFields.get(i))];
        }
      }
      if (reasons.isEmpty()) {
        SlaDue.fill(schema, out, ctx);
      }
    }
    Object[] position = {k.getString(0), k.getInt(1), k.getLong(2)};
    return RecordColumns.row(out, position, raw, reasons);
  }

  /** The JSON object's values as text (as a landing file would carry them), or null with a bad_json reason. */
  private static Map<String, String> fields(String raw, Set<String> reasons) {
    JsonNode node;
    try {
      node = raw == null ? null : JSON.readTree(raw);
    } catch (IOException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      reasons.add(Reasons.of(Reasons.BAD_JSON, "the value is not a JSON object"));
      return null;
    }
    Map<String, String> byName = new HashMap<>();
    node.fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      byName.put(e.getKey(), v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
    });
    return byName;
  }
}
