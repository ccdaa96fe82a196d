package org.civicpulse.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.civicpulse.ingest.IngestJob;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.privacy.Pseudonymizer;
import org.civicpulse.schema.Marts;
import org.civicpulse.schema.Schemas;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream's live marts read only the weeks they judge (LiveMarts.readFrom: from the last clock, or in a process's
 * first batch from the batch's newest created event), and give what a read of the whole request_events table gives. Hand values: C01/heating has 1, 1, 2, 3, 3, 4, 4 created requests
 * at 10:00 local on the 7 Mondays before 2025-03-03 (k = 1..7), nothing 8 weeks before, then 15 at 10:00–10:14 on
 * 2025-03-03. The first batch sees the history only (clock 2025-02-24 10:00 local = 02:00Z; its hour has 1 against
 * a median of 3: no alert), so the second reads from 02-24 02:00Z − 2 h − 56 days = 2024-12-30T00:00Z.
 * - Without older data, the lake starts in week 7, so week 8 is left out: history {1,1,2,3,3,4,4}, median 3,
 *   |deviations| {2,2,1,0,0,1,1}, MAD 1, z = (15 − 3) / 1.4826 = 8.0939.
 * - With one request of 2024-06-03 (before the weeks read), week 8 counts as 0: {0,1,1,2,3,3,4,4}, median 2.5,
 *   |deviations| {2.5,1.5,1.5,0.5,0.5,0.5,1.5,1.5}, MAD 1.5, z = 12.5 / (1.4826 · 1.5) = 5.6207.
 */
class LiveMartsBoundedReadTest {
  static final Path REF = Path.of("src/test/resources/fixtures/ingest");
  static final String ZONE = "Asia/Shanghai";
  static final int[] WEEKS = {1, 1, 2, 3, 3, 4, 4};
  static final LocalDateTime SPIKE = LocalDateTime.of(2025, 3, 3, 10, 0);
  @TempDir Path tmp;
  final DeltaStore store = new DeltaStore(SharedSpark.get());

  @Test
  void readsFromTheLastClocksHourLessLatenessLessEightWeeks() {
    assertThat(LiveMarts.readFrom(Instant.parse("2025-03-10T08:25:00Z"), 2))
        .as("08:00 − 2 h − 56 days").isEqualTo(Instant.parse("2025-01-13T06:00:00Z"));
  }

  @Test
  void withoutOlderDataTheWeekBeforeTheLakeIsLeftOut() throws Exception {
    Row alert = secondBatchAlert(false);
    assertThat((Double) alert.getAs("baseline_median")).as("median of 7 weeks").isEqualTo(3.0);
    assertThat((Double) alert.getAs("z")).as("robust z").isCloseTo(8.0939, within(1e-4));
  }

  @Test
  void olderDataBeforeTheWeeksReadMakesTheEighthWeekAZero() throws Exception {
    Row alert = secondBatchAlert(true);
    assertThat((Double) alert.getAs("baseline_median")).as("median of 8 weeks, one zero").isEqualTo(2.5);
    assertThat((Double) alert.getAs("z")).as("robust z").isCloseTo(5.6207, within(1e-4));
  }

  /** History, a first batch, then the spike (and the older request) and a second batch; its one alert. */
  private Row secondBatchAlert(boolean older) throws Exception {
    Lake lake = new Lake(tmp.resolve("lake"));
    ingest(lake, "communities", Map.of(Schemas.COMMUNITIES, REF.resolve("communities.csv").toAbsolutePath()));
    ingest(lake, "categories", Map.of(Schemas.CATEGORIES, REF.resolve("categories.csv").toAbsolutePath()));
    StringBuilder history = new StringBuilder(org.civicpulse.testing.SpikeFixture.HEADER);
    for (int k = 1; k <= WEEKS.length; k++) {
      for (int i = 0; i < WEEKS[k - 1]; i++) {
        history.append("H").append(k).append('-').append(i).append(',').append(SPIKE.minusWeeks(k))
            .append(",C01,heating,app,open,\n");
      }
    }
    ingest(lake, "history", Map.of(Schemas.SERVICE_REQUESTS, Files.writeString(tmp.resolve("h.csv"), history)));
    LiveMarts marts = new LiveMarts(lake, 2, null);
    runBatch(marts, 1, events(lake));
    assertThat(store.exists(lake.mart(Marts.ALERTS))).as("no alert after the history").isFalse();

    StringBuilder spike = new StringBuilder(org.civicpulse.testing.SpikeFixture.HEADER);
    for (int i = 0; i < 15; i++) {
      spike.append("S-").append(i).append(',').append(SPIKE.plusMinutes(i)).append(",C01,heating,app,open,\n");
    }
    if (older) {
      spike.append("OLD,2024-06-03T10:00,C02,noise,app,open,\n");
    }
    ingest(lake, "spike", Map.of(Schemas.SERVICE_REQUESTS, Files.writeString(tmp.resolve("s.csv"), spike)));
    // The batch's own events: the spike (and the older request).
    runBatch(marts, 2, events(lake).filter("request_id LIKE 'S-%' OR request_id = 'OLD'"));
    List<Row> bounded = store.read(lake.mart(Marts.ALERTS), null).collectAsList();
    List<Row> volume = store.read(lake.mart(Marts.LIVE_VOLUME), null).orderBy("bucket_start").collectAsList();
    assertThat(volume).extracting(r -> r.<Long>getAs("volume")).as("the spike's 5-minute buckets").containsExactly(5L, 5L, 5L);

    // The same batch by a fresh process given no created event (no bound: a read of the whole table).
    Files.walk(lake.mart(Marts.ALERTS)).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    runBatch(new LiveMarts(lake, 2, null), 3, events(lake).filter("event_type <> 'created'"));
    List<Row> full = store.read(lake.mart(Marts.ALERTS), null).collectAsList();
    assertThat(bounded).as("one alert, bounded read").hasSize(1);
    assertThat(full).as("one alert, whole-table read").hasSize(1);
    for (String c : List.of("alert_id", "volume", "baseline_median", "z")) {
      assertThat((Object) bounded.get(0).getAs(c)).as(c + ": bounded read = whole-table read").isEqualTo(full.get(0).getAs(c));
    }
    assertThat((Long) bounded.get(0).getAs("volume")).as("spike volume").isEqualTo(15L);
    return bounded.get(0);
  }

  /** A batch whose events are the given ones (in the lake already); the first of a process bounds its read by them. */
  private void runBatch(LiveMarts marts, long batchId, Dataset<Row> batchEvents) {
    marts.afterCurated(store, batchId, batchEvents, new StepTimes());
  }

  private Dataset<Row> events(Lake lake) {
    return store.read(lake.curated(Schemas.REQUEST_EVENTS), null);
  }

  private void ingest(Lake lake, String runId, Map<String, Path> files) {
    Map<String, List<Path>> in = new LinkedHashMap<>();
    files.forEach((ds, p) -> in.put(ds, List.of(p)));
    new IngestJob(store, lake, ZONE, Map.of(), Pseudonymizer.withKey("test-key"), runId, m -> { }).run(in);
  }
}
