package org.civicpulse.ingest;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.civicpulse.curate.RecordColumns;
import org.civicpulse.schema.Reasons;
import org.civicpulse.schema.SlaDue;
import org.civicpulse.schema.TableSchema;
import org.civicpulse.schema.RecordValidator;
import org.civicpulse.schema.ValidatedRecord;
import org.civicpulse.schema.ValidationContext;

/** Turns the raw records of one landing file (header first) into staged rows, valid or not. */
public final class RecordStager implements Serializable {
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  private final TableSchema schema;
  private final ValidationContext ctx;
  private final RecordValidator validator;

  public RecordStager(TableSchema schema, ValidationContext ctx) {
    this.schema = schema;
    this.ctx = ctx;
    this.validator = new RecordValidator(schema, ctx);
  }

  /** Stages every record of one file lazily (a file may hold millions); the first record is its header. */
  public java.util.Iterator<Row> stageFile(java.util.Iterator<RawRecord> records, String source, int fileIndex) {
    if (!records.hasNext()) {
      return java.util.Collections.emptyIterator();
    }
    List<String> header = records.next().fields();
    return new java.util.Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public Row next() {
        return stage(records.next(), header, source, fileIndex);
      }
    };
  }

  public Row stage(RawRecord rec, List<String> header, String source, int fileIndex) {
    List<String> reasons = new ArrayList<>(rec.structuralReasons());
    Object[] values = new Object[schema.fields().size()];
    if (rec.fields() != null) {
      if (rec.fields().size() > header.size()) {
        reasons.add(Reasons.of(Reasons.TOO_MANY_FIELDS, rec.fields().size() + " fields, header has " + header.size()));
      } else if (rec.fields().size() < header.size()) {
        reasons.add(Reasons.of(Reasons.TOO_FEW_FIELDS, rec.fields().size() + " fields, header has " + header.size()));
      } else {
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          byName.put(header.get(i), rec.fields().get(i));
        }
        ValidatedRecord v = validator.validate(byName);
        reasons.addAll(v.reasons());
        values = v.values();
        if (v.valid()) {
          SlaDue.fill(schema, values, ctx);
        }
      }
    }
    return toRow(values, reasons, rec, source, fileIndex);
  }

  private Row toRow(Object[] values, List<String> reasons, RawRecord rec, String source, int fileIndex) {
    Object[] fields = values;
    if (schema.isPartitioned()) {
      fields = Arrays.copyOf(values, values.length + 1);
      fields[values.length] = month(values);
    }
    Object[] position = {source, rec.line(), StagedRows.order(fileIndex, rec.line())};
    return RecordColumns.row(fields, position, rec.raw(), reasons);
  }

  private String month(Object[] values) {
    Object t = values[schema.fieldNames().indexOf(schema.timeField())];
    if (!(t instanceof Timestamp ts)) {
      return null;
    }
    ZoneId zone = ctx.zone();
    return MONTH.format(ts.toInstant().atZone(zone));
  }
}
