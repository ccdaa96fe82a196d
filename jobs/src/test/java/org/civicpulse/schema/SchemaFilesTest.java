package org.civicpulse.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.civicpulse.dashboard.KpiTable;
import org.civicpulse.ingest.RequestFields;
import org.junit.jupiter.api.Test;

/** The schema files and the code that depends on their names agree; a drift on either side fails here. */
class SchemaFilesTest {
  @Test
  void everySchemaFileIsATableTheCodeKnowsAndViceVersa() throws IOException {
    Set<String> files = new HashSet<>();
    try (Stream<Path> s = Files.list(Path.of("../schemas"))) {
      s.forEach(p -> files.add(p.getFileName().toString().replace(".json", "")));
    }
    assertThat(files).containsExactlyInAnyOrderElementsOf(Schemas.ALL);
  }

  @Test
  void everyFieldHasAKnownTypeAndBothDescriptions() {
    for (String t : Schemas.ALL) {
      TableSchema s = Schemas.get(t);
      assertThat(s.sparkSchema().size()).as(t).isEqualTo(s.fields().size() + (s.isPartitioned() ? 1 : 0));
      for (FieldSpec f : s.fields()) {
        assertThat(f.descriptionEn()).as(t + "." + f.name()).isNotBlank();
        assertThat(f.descriptionZh()).as(t + "." + f.name()).isNotBlank();
      }
    }
  }

  @Test
  void versioningAndEventDerivationFindTheirFields() {
    new RequestFields();
    Set<String> request = new HashSet<>(Schemas.get(Schemas.SERVICE_REQUESTS).fieldNames());
    request.addAll(List.of("event_id", "event_type", "event_time", "source"));
    assertThat(request).as("every request_events field comes from a request state or the event")
        .containsAll(Schemas.get(Schemas.REQUEST_EVENTS).fieldNames());
    for (CrossFieldRule r : Schemas.get(Schemas.SERVICE_REQUESTS).rules()) {
      assertThat(request).as(r.code()).contains(r.field());
    }
  }

  @Test
  void quarantineColumnsAreThoseOfDesign() {
    assertThat(Schemas.get(Schemas.QUARANTINE).fieldNames()).containsExactly(
        "dataset", "source", "line", "partition", "offset", "raw", "reasons", "run_id", "quarantined_at");
  }

  @Test
  void kpisDailyStartsWithTheStableColumnsOfDesign() {
    assertThat(KpiTable.COLUMNS.subList(0, 19)).containsExactly("date", "community_id", "category", "volume", "backlog",
        "first_response_p50_h", "first_response_p90_h", "resolution_p50_h", "resolution_p90_h", "sla_due", "sla_met",
        "sla_compliance", "feedback_n", "rating_mean", "csat", "feedback_rate", "overdue", "anomaly_z", "anomaly_flag");
  }
}
