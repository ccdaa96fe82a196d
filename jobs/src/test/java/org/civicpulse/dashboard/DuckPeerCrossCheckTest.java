package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.bench.Cells;
import org.civicpulse.bench.CrossCheck;
import org.civicpulse.bench.DuckPeer;
import org.civicpulse.config.Targets;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.schema.Schemas;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's correctness check on the hand-built fixture written as a real Delta lake: civicpulse's
 * DashboardJob and the DuckDB peer must agree on every kpis_daily cell. request_events is rewritten so that its
 * folder holds stale files of a wrong version (removed in the log, covered by a checkpoint): a peer that read
 * the folder instead of the log's active files would count every request twice.
 */
class DuckPeerCrossCheckTest {
  static final DateRange RANGE = new DateRange(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 4));
  @TempDir static Path dir;
  static Lake lake;

  @BeforeAll
  static void writeLakeAndRunDashboard() {
    SparkSession spark = SharedSpark.get();
    DashboardInputs f = DashboardFixture.inputs(spark);
    DeltaStore store = new DeltaStore(spark);
    lake = new Lake(dir.resolve("lake"));
    Path events = lake.curated(Schemas.REQUEST_EVENTS);
    Dataset<Row> copies = f.events().selectExpr("*").withColumn("request_id",
        org.apache.spark.sql.functions.concat(org.apache.spark.sql.functions.lit("X"), org.apache.spark.sql.functions.col("request_id")));
    store.overwrite(f.events().unionByName(copies), events, "month");                          // v0
    spark.sql("ALTER TABLE delta.`" + events + "` SET TBLPROPERTIES ('delta.checkpointInterval' = '2')"); // v1
    store.overwrite(copies, events, "month");                                                   // v2 + checkpoint
    store.overwrite(f.events(), events, "month");                                               // v3: the truth
    // The fixture leaves channel empty (no metric reads it); a Delta table enforces required fields.
    store.overwrite(f.requests().withColumn("channel", org.apache.spark.sql.functions.lit("app")),
        lake.curated(Schemas.SERVICE_REQUESTS), "month");
    store.overwrite(f.feedback(), lake.curated(Schemas.FEEDBACK), "month");
    store.overwrite(f.participation(), lake.curated(Schemas.PARTICIPATION), "month");
    store.overwrite(f.communities(), lake.curated(Schemas.COMMUNITIES), null);
    store.overwrite(f.categories(), lake.curated(Schemas.CATEGORIES), null);
    DashboardJob job = new DashboardJob(store, lake, Targets.load(null), null, s -> { });
    job.run(RANGE);
    job.run(new DateRange(RANGE.to(), RANGE.to()));   // a rerun of one day: the mart's log has removes too
  }

  @Test
  void theLogHasACheckpointAndStaleFiles() throws Exception {
    try (Stream<Path> log = Files.list(lake.curated(Schemas.REQUEST_EVENTS).resolve("_delta_log"))) {
      assertThat(log.map(p -> p.getFileName().toString())).contains("00000000000000000002.checkpoint.parquet");
    }
  }

  @Test
  void duckDbAgreesWithCivicpulseOnEveryCellOfTheRange() throws Exception {
    CrossCheck.Result res = check(RANGE, Map.of(
        "2024-03-02|ALL|ALL", Map.of("volume", 4L, "backlog", 2L),
        "2024-03-02|C01|ALL", Map.of("resolution_p50_h", 17.5, "resolution_p90_h", 26.7)));
    // 4 days × (C01, C02, ALL) × (heating, noise, ALL, UNLINKED), 19 values each
    assertThat(res.cells()).isEqualTo(48);
    assertThat(res.values()).isEqualTo(48 * 19);
    assertThat(res.differences()).isEmpty();
  }

  @Test
  void duckDbAgreesOnASingleDayWhoseBacklogComesFromEarlierDays() throws Exception {
    CrossCheck.Result res = check(new DateRange(RANGE.to(), RANGE.to()), Map.of(
        "2024-03-04|C01|noise", Map.of("backlog", 1L, "backlog_1_3d", 1L, "overdue", 1L)));
    assertThat(res.cells()).isEqualTo(12);
    assertThat(res.differences()).isEmpty();
  }

  /** Runs the peer, pins some of its values (so agreement is not two empty answers), and compares. */
  private static CrossCheck.Result check(DateRange r, Map<String, Map<String, Object>> pinned) throws Exception {
    try (DuckPeer peer = new DuckPeer(lake, "Asia/Shanghai")) {
      peer.register(r);
      Cells duck = new Cells();
      assertThat(peer.run(r, duck)).containsOnlyKeys("volume", "backlog", "first_response", "resolution", "sla",
          "satisfaction", "feedback_rate");
      pinned.forEach((cell, values) -> values.forEach((column, value) -> {
        Object got = duck.asMap().get(cell).get(column);
        assertThat(((Number) got).doubleValue()).as(cell + " " + column).isCloseTo(((Number) value).doubleValue(), org.assertj.core.api.Assertions.within(CrossCheck.TOLERANCE));
      }));
      return CrossCheck.compare(peer.civicpulseKpis(r), duck);
    }
  }
}
