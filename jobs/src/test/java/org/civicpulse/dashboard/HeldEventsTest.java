package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.schema.Schemas;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * The events the families read are held with no Delta scan left in their plan: a plan that still read the table
 * listed its files again in every family that used it (the cache of a read pinned to a version was not matched).
 */
class HeldEventsTest {
  private final SparkSession spark = SharedSpark.get();

  @Test
  void aSmallRangeIsHeldAsACheckpointWithTheSameRows() throws Exception {
    Lake lake = new Lake(Files.createTempDirectory("cp-held"));
    DeltaStore store = new DeltaStore(spark);
    Dataset<Row> all = HistoryFixture.events(spark);
    store.append(all, lake.curated(Schemas.REQUEST_EVENTS), "month");
    Dataset<Row> pinned = store.readAt(lake.curated(Schemas.REQUEST_EVENTS), 0);
    assertThat(leaves(pinned)).as("the pinned read: one Delta relation").containsExactly("LogicalRelation");

    DashboardJob.Held h = DashboardJob.held(pinned.filter("month >= '2024-03'"));
    Dataset<Row> held = h.rows();
    assertThat(leaves(held)).as("held: rows already computed, nothing left to list or read").containsExactly("LogicalRDD");
    assertThat(held.exceptAll(all.filter("month >= '2024-03'")).count()).as("rows held but not in the table").isZero();
    assertThat(held.count()).as("rows held").isEqualTo(all.filter("month >= '2024-03'").count()).isPositive()
        .isEqualTo(h.count());
  }

  private static List<String> leaves(Dataset<Row> df) {
    return scala.jdk.javaapi.CollectionConverters.asJava(df.queryExecution().analyzed().collectLeaves()).stream()
        .map(p -> p.getClass().getSimpleName()).toList();
  }
}
