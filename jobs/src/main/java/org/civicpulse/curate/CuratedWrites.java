package org.civicpulse.curate;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;

/**
 * The writes of curated tables and the quarantine, for batch ingest and the stream alike: each table's key,
 * partition and kind of write in one place, every one conflict-checked by Delta and retried (docs/streaming.md,
 * "Batch and stream on one lake"), so the two may write the same lake at once.
 */
public final class CuratedWrites {
  /** The quarantine's key for records from files: a record is recognised by where it stood and its text. */
  public static final List<String> FILE_RECORD = List.of("dataset", "source", "line", "raw");
  /** The quarantine's key for records from Kafka: the topic, partition and offset. */
  public static final List<String> KAFKA_RECORD = List.of("source", "partition", "offset");

  private final DeltaStore store;
  private final Lake lake;

  public CuratedWrites(DeltaStore store, Lake lake) {
    this.store = store;
    this.lake = lake;
  }

  /** request_events insert-only on event_id. */
  public void events(Dataset<Row> events) {
    store.mergeInsertOnly(events, lake.curated(Schemas.REQUEST_EVENTS), List.of("event_id"), TableSchema.MONTH_COLUMN);
  }

  /** As {@link #events}, counting first the events new against the table as read (none: no commit). */
  public long newEvents(Dataset<Row> events) {
    return store.insertNew(events, lake.curated(Schemas.REQUEST_EVENTS), "event_id", TableSchema.MONTH_COLUMN);
  }

  /** service_requests: the latest states, replacing a stored one unless that is newer (docs/data.md). */
  public void states(Dataset<Row> states) {
    store.mergeNewer(states, lake.curated(Schemas.SERVICE_REQUESTS), "request_id", "updated_at",
        TableSchema.MONTH_COLUMN);
  }

  /** First versions of feedback or participation ids, insert-only on the id: the first version stands. */
  public void firstVersions(String dataset, Dataset<Row> rows) {
    TableSchema s = Schemas.get(dataset);
    store.mergeInsertOnly(rows, lake.curated(dataset), List.of(s.key()), partition(s));
  }

  /** The latest version of each changed reference id (communities, categories): upsert by id. */
  public void references(String dataset, Dataset<Row> rows) {
    TableSchema s = Schemas.get(dataset);
    store.upsert(rows, lake.curated(dataset), s.key(), partition(s));
  }

  /** Quarantine rows insert-only on the source's record key ({@link #FILE_RECORD}, {@link #KAFKA_RECORD}). */
  public long quarantine(Dataset<Row> rows, List<String> recordKey) {
    return store.insertNewOn(rows, lake.quarantine(), recordKey, null);
  }

  /** As {@link #quarantine}, without counting first (the stream knows its counts already). */
  public void quarantineAll(Dataset<Row> rows, List<String> recordKey) {
    store.mergeInsertOnly(rows, lake.quarantine(), recordKey, null);
  }

  private static String partition(TableSchema s) {
    return s.isPartitioned() ? TableSchema.MONTH_COLUMN : null;
  }
}
