package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicpulse.ingest.IngestJob;
import org.civicpulse.ingest.ReplayPlan;
import org.civicpulse.ingest.ReplaySender;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.privacy.Pseudonymizer;
import org.civicpulse.report.LiveData;
import org.civicpulse.schema.Schemas;
import org.civicpulse.stream.AlertPublisher;
import org.civicpulse.stream.BatchSink;
import org.civicpulse.stream.LiveMarts;
import org.civicpulse.stream.StreamJob;
import org.civicpulse.stream.StreamSettings;
import org.civicpulse.testing.KafkaBroker;
import org.civicpulse.testing.SharedSpark;
import org.civicpulse.testing.SpikeFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `report --live` reads (LiveInputs) from live marts the stream itself wrote through a real broker. Hand-made
 * fixture (local times, Asia/Shanghai): C01/heating had 1, 2, 3, 2, 1, 2, 3, 2 requests at 10:00–10:07 on the 8
 * Mondays before 2025-03-03, then 15 at 10:00–10:14 that day; C02/noise had N1 at 09:30 (closed 09:50) and N2 at
 * 09:40 (open). Newest created event 10:14, so the last 60 minutes run 09:15–10:15: C01/heating 15, C02/noise 2.
 * Open now: C01 16 + 15 = 31, C02 1. One alert, C01/heating at 10:00: volume 15, median 2, MAD 0.5,
 * z = 13 / (1.4826 · 0.5) = 17.5368; C02/noise (2 &lt; 10) none.
 */
class LiveInputsTest {
  static final Path REF = Path.of("src/test/resources/fixtures/ingest");
  static final String ZONE = "Asia/Shanghai";
  @TempDir static Path tmp;
  static KafkaBroker broker;
  static DeltaStore store;
  static Lake lake;

  @BeforeAll
  static void streamTheFixture() throws Exception {
    broker = KafkaBroker.start(tmp.resolve("broker"), 1);
    store = new DeltaStore(SharedSpark.get());
    lake = new Lake(tmp.resolve("lake"));
    Map<String, List<Path>> refs = new LinkedHashMap<>();
    refs.put(Schemas.COMMUNITIES, List.of(REF.resolve("communities.csv").toAbsolutePath()));
    refs.put(Schemas.CATEGORIES, List.of(REF.resolve("categories.csv").toAbsolutePath()));
    Pseudonymizer key = Pseudonymizer.withKey("test-key");
    new IngestJob(store, lake, ZONE, Map.of(), key, "refs", m -> { }).run(refs);

    Map<String, String> topics = broker.datasetTopics("live", 1);
    new ReplaySender(broker.bootstrap(), topics, null, null, m -> { })
        .send(ReplayPlan.build(Map.of(Schemas.SERVICE_REQUESTS, List.of(requestsCsv())), ZoneId.of(ZONE)));
    StreamSettings s = new StreamSettings(broker.bootstrap(), topics, "live.alerts", tmp.resolve("checkpoint"), true,
        10, 100_000, ZONE, Map.of(), 2);
    BatchSink sink = new BatchSink(lake, s, key, "live-test", m -> { })
        .listener(new LiveMarts(lake, 2, new AlertPublisher(broker.bootstrap(), "live.alerts")));
    new StreamJob(store.spark(), s, sink, m -> { }).run();
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  /** The planted spike of the streaming tests, and two C02/noise requests. */
  static Path requestsCsv() throws Exception {
    StringBuilder sb = SpikeFixture.csv();
    sb.append("N1,2025-03-03T09:30,C02,noise,app,closed,2025-03-03T09:50\n");
    sb.append("N2,2025-03-03T09:40,C02,noise,app,open,\n");
    return Files.writeString(tmp.resolve("live-requests.csv"), sb.toString());
  }

  @Test
  void readsTheStreamsLiveMartsAsThePageShowsThem() {
    LiveData d = new LiveInputs(store, lake, ZoneId.of(ZONE)).load();

    assertThat(d.asOf()).as("newest created event, local").isEqualTo("2025-03-03 10:14");
    assertThat(d.backlog()).as("open requests per community")
        .containsExactly(new LiveData.Backlog("C01", 31), new LiveData.Backlog("C02", 1));
    assertThat(d.volume()).as("created in the last 60 minutes")
        .containsExactly(new LiveData.Volume("C01", "heating", 15), new LiveData.Volume("C02", "noise", 2));
    assertThat(d.alerts()).as("alerts of the last two hours").hasSize(1);
    LiveData.Alert a = d.alerts().get(0);
    assertThat(List.of(a.community(), a.category(), a.window())).as("alert cell and hour, local")
        .containsExactly("C01", "heating", "2025-03-03 10:00");
    assertThat(a.volume()).as("alert volume").isEqualTo(15);
    assertThat(a.median()).as("alert baseline median").isEqualTo(2.0);
    assertThat(a.z()).as("alert robust z").isCloseTo(17.5368, within(1e-4));
  }

  @Test
  void namesCommunitiesInThePagesLanguage() {
    LiveInputs in = new LiveInputs(store, lake, ZoneId.of(ZONE));
    assertThat(in.communityNames("zh")).as("zh names").containsExactlyInAnyOrderEntriesOf(
        Map.of("C01", "河畔社区", "C02", "山景社区"));
    assertThat(in.communityNames("en")).as("en names").containsExactlyInAnyOrderEntriesOf(
        Map.of("C01", "Riverside", "C02", "Hillview"));
  }

  @Test
  void withoutLiveMartsThereIsNothingToShow() {
    Lake empty = new Lake(tmp.resolve("empty-lake"));
    assertThat(new LiveInputs(store, empty, ZoneId.of(ZONE)).load()).as("no live marts yet").isNull();
  }
}
