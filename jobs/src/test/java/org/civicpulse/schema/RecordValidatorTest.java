package org.civicpulse.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicpulse.privacy.Pseudonymizer;
import org.junit.jupiter.api.Test;

/** The plausibility rules of the schema files, on single records (no Spark). */
class RecordValidatorTest {
  /** The ingest run's start + a day, as IngestJob sets it: 2026-11-30 00:00 UTC = 08:00 in Shanghai. */
  private static final long LATEST = Instant.parse("2026-11-30T00:00:00Z").toEpochMilli();
  private final RecordValidator requests = new RecordValidator(Schemas.get(Schemas.SERVICE_REQUESTS),
      new ValidationContext("Asia/Shanghai", Set.of("C01"), Set.of("heating"), Map.of("heating", 72.0),
          Pseudonymizer.development(), LATEST));

  @Test
  void aTimeMoreThanADayAfterTheRunIsInTheFuture() {
    assertThat(codes(request("2026-11-30 08:00:00", null))).as("exactly the latest instant").isEmpty();
    assertThat(codes(request("2026-11-30 08:00:01", null))).as("a second later").containsExactly("created_in_future");
    assertThat(codes(request("2024-01-10 09:00:00", "2099-01-01 00:00:00"))).as("closed in 2099: both rules")
        .containsExactly("closed_in_future", "resolution_over_five_years");
  }

  @Test
  void aResolutionLongerThanFiveYearsIsImplausible() {
    // 2019-01-10 09:00 + 1826 days = 2024-01-10 09:00 (2020 and 2024 are leap years: 5 × 365 + 1 = 1826).
    assertThat(codes(request("2019-01-10 09:00:00", "2024-01-10 09:00:00"))).as("exactly 1826 days").isEmpty();
    assertThat(codes(request("2019-01-10 09:00:00", "2024-01-10 09:00:01"))).as("a second more")
        .containsExactly("resolution_over_five_years");
  }

  @Test
  void feedbackAndParticipationFromTheFutureAreQuarantinedToo() {
    ValidationContext ctx = new ValidationContext("Asia/Shanghai", Set.of("C01"), Set.of("heating"), Map.of(),
        Pseudonymizer.development(), LATEST);
    Map<String, String> fb = new HashMap<>(Map.of("feedback_id", "F1", "submitted_at", "2027-01-01 10:00:00",
        "community_id", "C01", "rating", "5", "channel", "app"));
    assertThat(new RecordValidator(Schemas.get(Schemas.FEEDBACK), ctx).validate(fb).reasons())
        .extracting(r -> r.substring(0, r.indexOf(':'))).containsExactly("submitted_in_future");
    Map<String, String> p = new HashMap<>(Map.of("participation_id", "P1", "occurred_at", "2027-01-01 10:00:00",
        "community_id", "C01", "activity_type", "vote", "participant_role", "resident"));
    assertThat(new RecordValidator(Schemas.get(Schemas.PARTICIPATION), ctx).validate(p).reasons())
        .extracting(r -> r.substring(0, r.indexOf(':'))).containsExactly("occurred_in_future");
  }

  private Map<String, String> request(String created, String closed) {
    Map<String, String> m = new HashMap<>(Map.of("request_id", "R1", "created_at", created, "community_id", "C01",
        "category", "heating", "channel", "app", "status", closed == null ? "open" : "closed", "priority", "normal",
        "reopened_count", "0"));
    if (closed != null) {
      m.put("closed_at", closed);
    }
    return m;
  }

  private List<String> codes(Map<String, String> record) {
    return requests.validate(record).reasons().stream().map(r -> r.substring(0, r.indexOf(':'))).toList();
  }
}
