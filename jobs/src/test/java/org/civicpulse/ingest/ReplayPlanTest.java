package org.civicpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicpulse.schema.Schemas;
import org.junit.jupiter.api.Test;

/**
 * Replay of the hand-made fixture in src/test/resources/fixtures/stream (no Spark, no broker). Expected events,
 * worked out from the rows: R1 created, acknowledged, closed (3); R2 created, acknowledged, assigned (3);
 * R3 created (1); R4 created, acknowledged (2); R5 created, closed (2); R6 created (1, its unknown community is
 * the stream's to reject); R7 has broken quoting and goes out raw (1): 13 request messages, 2 feedback, 1
 * participation.
 */
class ReplayPlanTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static Map<String, List<Path>> files() {
    return ReplayPlanFiles.fixture();
  }

  @Test
  void fixtureBecomesSixteenMessagesInEventTimeOrder() throws Exception {
    List<ReplayEvent> events = ReplayPlan.build(files(), ZoneId.of("Asia/Shanghai"));
    assertThat(events).hasSize(16);
    assertThat(events.stream().filter(e -> e.dataset().equals(Schemas.SERVICE_REQUESTS))).hasSize(13);
    // The broken row first (no readable time), raw as it stood in the file.
    assertThat(events.get(0).value()).isEqualTo("R7,\"2025-03-03 12:00:00,broken");
    assertThat(events.get(0).time()).isEqualTo(Instant.EPOCH);
    for (int i = 2; i < events.size(); i++) {
      assertThat(events.get(i).time()).isAfterOrEqualTo(events.get(i - 1).time());
    }
    // 08:00 local = 00:00Z: R1's created event is the first timed one.
    JsonNode first = JSON.readTree(events.get(1).value());
    assertThat(first.get("request_id").asText()).isEqualTo("R1");
    assertThat(first.get("event_type").asText()).isEqualTo("created");
    assertThat(first.get("event_time").asText()).isEqualTo("2025-03-03T00:00:00Z");
    // State as of the event: not yet acknowledged or closed, so open.
    assertThat(first.get("status").asText()).isEqualTo("open");
    assertThat(first.has("acknowledged_at")).isFalse();
    assertThat(first.has("closed_at")).isFalse();
    assertThat(first.get("updated_at").asText()).isEqualTo("2025-03-03T00:00:00Z");
    assertThat(events.get(1).key()).isEqualTo("C01");
  }

  @Test
  void requestEventsCarryTheStateAsOfEachEvent() throws Exception {
    List<ReplayEvent> events = ReplayPlan.build(files(), ZoneId.of("Asia/Shanghai"));
    List<JsonNode> r1 = new java.util.ArrayList<>();
    List<JsonNode> r2 = new java.util.ArrayList<>();
    for (ReplayEvent e : events.subList(1, events.size())) {
      JsonNode n = JSON.readTree(e.value());
      if (n.has("event_id") && n.get("request_id").asText().equals("R1")) {
        r1.add(n);
      } else if (n.has("event_id") && n.get("request_id").asText().equals("R2")) {
        r2.add(n);
      }
    }
    assertThat(r1).extracting(n -> n.get("event_type").asText()).containsExactly("created", "acknowledged", "closed");
    assertThat(r1).extracting(n -> n.get("status").asText()).containsExactly("open", "open", "closed");
    assertThat(r1.get(1).get("acknowledged_at").asText()).isEqualTo("2025-03-03T00:30:00Z");
    assertThat(r1.get(2).get("closed_at").asText()).isEqualTo("2025-03-03T04:00:00Z");
    // R2 is assigned at its updated_at (10:00 local): before that it is open.
    assertThat(r2).extracting(n -> n.get("event_type").asText()).containsExactly("created", "acknowledged", "assigned");
    assertThat(r2).extracting(n -> n.get("status").asText()).containsExactly("open", "open", "assigned");
    // The ids are batch ingest's: hash of request, type and time; deterministic across runs.
    List<ReplayEvent> again = ReplayPlan.build(files(), ZoneId.of("Asia/Shanghai"));
    assertThat(again).extracting(ReplayEvent::value).containsExactlyElementsOf(events.stream().map(ReplayEvent::value).toList());
    assertThat(r1.get(0).get("event_id").asText())
        .isEqualTo(EventDeriver.sha256("R1|created|2025-03-03T00:00:00Z|").substring(0, 32));
  }
}
