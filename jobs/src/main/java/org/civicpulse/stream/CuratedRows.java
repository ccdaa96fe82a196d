package org.civicpulse.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.civicpulse.curate.QuarantineRows;
import org.civicpulse.curate.RecordColumns;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;

/** Shapes parsed Kafka records as curated and quarantine rows: pure Dataset → Dataset transforms. */
public final class CuratedRows {
  private CuratedRows() {}

  public static Dataset<Row> valid(Dataset<Row> parsed) {
    return parsed.filter(size(col(RecordColumns.REASONS)).equalTo(0));
  }

  public static Dataset<Row> invalid(Dataset<Row> parsed) {
    return parsed.filter(size(col(RecordColumns.REASONS)).gt(0));
  }

  /** Rows of a table as stored: its fields in schema order, the month partition of its time field. */
  public static Dataset<Row> asTable(Dataset<Row> valid, String table) {
    TableSchema s = Schemas.get(table);
    List<Column> cols = new ArrayList<>();
    for (String name : s.fieldNames()) {
      cols.add(name.equals("source") ? col(KafkaRows.TOPIC).as("source") : col(name));
    }
    if (s.isPartitioned()) {
      cols.add(date_format(col(s.timeField()), "yyyy-MM").as(TableSchema.MONTH_COLUMN));
    }
    return valid.select(cols.toArray(new Column[0])).dropDuplicates(s.key());
  }

  /** The request_events rows of valid request events, one per event_id. */
  public static Dataset<Row> requestEvents(Dataset<Row> validRequests) {
    return asTable(validRequests, Schemas.REQUEST_EVENTS);
  }

  /**
   * The latest state per request among the batch's events: by updated_at (the event's time), then by offset
   * (one request's events share a key, hence a partition, so offsets follow the order they were sent in).
   */
  public static Dataset<Row> latestStates(Dataset<Row> validRequests) {
    Dataset<Row> ranked = validRequests.withColumn("_rn", row_number().over(Window.partitionBy("request_id")
        .orderBy(col("updated_at").desc_nulls_last(), col(KafkaRows.OFFSET).desc())));
    return asTable(ranked.filter(col("_rn").equalTo(1)), Schemas.SERVICE_REQUESTS);
  }

  /** Quarantine rows of a batch: the topic as source, no line, the partition and offset (docs/data.md). */
  public static Dataset<Row> quarantine(Dataset<Row> invalid, String dataset, String runId) {
    return QuarantineRows.of(invalid, dataset, QuarantineRows.Position.kafka(KafkaRows.TOPIC, KafkaRows.PARTITION,
        KafkaRows.OFFSET), runId, current_timestamp());
  }
}
