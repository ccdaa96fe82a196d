package org.civicpulse.lake;

import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.civicpulse.schema.Schemas;

/** The quarantine table: read it, and purge old rows for good (DELETE, then VACUUM without retention). */
public final class QuarantineStore {
  private final DeltaStore store;
  private final Lake lake;

  public QuarantineStore(DeltaStore store, Lake lake) {
    this.store = store;
    this.lake = lake;
  }

  public Dataset<Row> read() {
    return store.read(lake.quarantine(), Schemas.get(Schemas.QUARANTINE).sparkSchema());
  }

  /** Deletes rows quarantined before now − age and removes their files; returns how many rows went. */
  public long purgeOlderThan(Duration age) {
    if (!store.exists(lake.quarantine())) {
      return 0;
    }
    Timestamp cutoff = Timestamp.from(Instant.now().minus(age));
    long n = read().filter(org.apache.spark.sql.functions.col("quarantined_at").lt(cutoff)).count();
    if (n == 0) {
      return 0;
    }
    DeltaTable t = DeltaTable.forPath(store.spark(), lake.quarantine().toString());
    t.delete(org.apache.spark.sql.functions.col("quarantined_at").lt(cutoff));
    // Raw personal data must really go: vacuum the deleted files now, not after the usual 7-day retention.
    store.spark().conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "false");
    t.vacuum(0.0);
    LakePermissions.ownerOnly(lake.quarantine());
    return n;
  }

  public static List<String> columns() {
    return Schemas.get(Schemas.QUARANTINE).fieldNames();
  }
}
