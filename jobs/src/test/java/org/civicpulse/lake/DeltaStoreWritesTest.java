package org.civicpulse.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curated writes that batch ingest and the stream share: what each leaves in a real Delta table when another
 * writer commits in between. Rows are (id, version, value); the expected tables are worked out by hand below.
 */
class DeltaStoreWritesTest {
  static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType)
      .add("updated_at", DataTypes.TimestampType)
      .add("value", DataTypes.StringType);
  @TempDir Path dir;

  private final SparkSession spark = SharedSpark.get();
  private final DeltaStore store = new DeltaStore(spark);

  @Test
  void aRowAnotherWriterCommitsBetweenTheCountAndTheCommitIsStoredOnce() {
    Path table = dir.resolve("events");
    store.append(rows(row("e1", null, "a")), table, null);
    // The run reads the table (e1) and finds e2 and e3 new; before it commits, "the stream" stores e2.
    long counted = store.insertNewOn(rows(row("e1", null, "a"), row("e2", null, "b"), row("e3", null, "c")), table,
        List.of("id"), null, () -> store.append(rows(row("e2", null, "b")), table, null));

    assertThat(counted).as("new when the run read the table: e2, e3").isEqualTo(2);
    assertThat(ids(table)).as("every id once: e2 was not appended a second time").containsExactly("e1", "e2", "e3");
  }

  @Test
  void nothingNewMeansNoCommit() {
    Path table = dir.resolve("same");
    store.append(rows(row("e1", null, "a")), table, null);
    long before = store.version(table);

    assertThat(store.insertNewOn(rows(row("e1", null, "a")), table, List.of("id"), null)).isZero();
    assertThat(store.version(table)).as("no empty commit").isEqualTo(before);
  }

  @Test
  void aNewerStoredStateIsNeverReplacedByAnOlderOne() {
    Path table = dir.resolve("states");
    store.append(rows(row("r1", at(10), "stored newer"), row("r2", at(10), "stored older"), row("r3", null, "stored, no time"),
        row("r4", at(10), "stored, source has no time")), table, null);

    store.mergeNewer(rows(row("r1", at(9), "older"), row("r2", at(11), "newer"), row("r3", at(5), "timed"),
        row("r4", null, "untimed later in file order"), row("r5", at(1), "new")), table, "id", "updated_at", null);

    // r1: 09:00 < 10:00, both timed → kept; r2: 11:00 ≥ 10:00 → replaced; r3: stored has no time → replaced;
    // r4: the source has no time, so the caller's file order decided → replaced; r5: new → inserted.
    assertThat(values(table)).containsExactly("r1=stored newer", "r2=newer", "r3=timed", "r4=untimed later in file order",
        "r5=new");
  }

  @Test
  void aWriteThatKeepsConflictingIsRetriedThenGivesUp() {
    AtomicInteger calls = new AtomicInteger();
    store.retryOnConflict(() -> {
      if (calls.incrementAndGet() < 3) {
        throw new io.delta.exceptions.ConcurrentAppendException("another writer committed");
      }
    });
    assertThat(calls.get()).as("two conflicts, then the write went through").isEqualTo(3);

    AtomicInteger always = new AtomicInteger();
    assertThatThrownBy(() -> store.retryOnConflict(() -> {
      always.incrementAndGet();
      throw new io.delta.exceptions.ConcurrentAppendException("another writer committed");
    })).isInstanceOf(io.delta.exceptions.ConcurrentAppendException.class);
    assertThat(always.get()).as("bounded").isEqualTo(DeltaStore.CONFLICT_RETRIES);
  }

  private Dataset<Row> rows(Row... rows) {
    return spark.createDataFrame(List.of(rows), SCHEMA);
  }

  private static Row row(String id, Timestamp t, String value) {
    return RowFactory.create(id, t, value);
  }

  private static Timestamp at(int hour) {
    return Timestamp.valueOf("2025-03-03 " + String.format("%02d", hour) + ":00:00");
  }

  private List<String> ids(Path table) {
    List<String> out = new ArrayList<>();
    store.read(table, null).orderBy("id").collectAsList().forEach(r -> out.add(r.getString(0)));
    return out;
  }

  private List<String> values(Path table) {
    List<String> out = new ArrayList<>();
    store.read(table, null).orderBy("id").collectAsList().forEach(r -> out.add(r.getString(0) + "=" + r.getString(2)));
    return out;
  }
}
