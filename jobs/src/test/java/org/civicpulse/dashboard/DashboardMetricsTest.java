package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.schema.Schemas;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** kpis_daily on the hand-built fixture: every expected value worked out by hand (see DashboardFixture). */
class DashboardMetricsTest {
  static List<Row> kpis;
  static List<Row> kpisApart;
  static List<Row> participation;

  @BeforeAll
  static void compute() {
    DashboardInputs v = DashboardFixture.inputs(SharedSpark.get());
    DateRange r = new DateRange(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 4));
    kpis = KpiTable.build(v, r).collectAsList();
    kpisApart = KpiTable.build(v, r, null, true).collectAsList();
    participation = ParticipationMetrics.monthToDate(v.participation(), v.communities(), r).collectAsList();
  }

  static Row kpi(String date, String community, String category) {
    return kpis.stream().filter(r -> r.getAs("date").toString().equals(date) && r.getAs("community_id").equals(community)
        && r.getAs("category").equals(category)).findFirst().orElseThrow();
  }

  @Test
  void gridIsDenseWithRollUpsAndUnlinked() {
    // 4 days × (C01, C02, ALL) × (heating, noise, ALL, UNLINKED)
    assertThat(kpis).hasSize(4 * 3 * 4);
    assertThat(kpi("2024-03-02", "C02", "heating").<Integer>getAs("backlog")).as("quiet cell: 0, not empty").isEqualTo(0);
  }

  @Test
  void familiesLaidApartGiveEveryValueTheJoinedOnesGive() {
    // Large runs finish each family in tasks of its own; the values pinned below must not depend on it.
    assertThat(kpisApart).as("kpis_daily with the families apart").containsExactlyInAnyOrderElementsOf(kpis);
  }

  @Test
  void volumeCountsCreatedThatDayWhateverTheStatus() {
    assertThat(kpi("2024-03-02", "ALL", "ALL").<Integer>getAs("volume")).as("B, C, D, E").isEqualTo(4);
    assertThat(kpi("2024-03-02", "C01", "ALL").<Integer>getAs("volume")).isEqualTo(2);
    assertThat(kpi("2024-03-02", "C02", "heating").<Integer>getAs("volume")).as("rejected D still counts").isEqualTo(1);
    assertThat(kpi("2024-03-01", "C01", "ALL").<Integer>getAs("volume")).as("A at 23:00 and F").isEqualTo(2);
    assertThat(kpi("2024-03-03", "ALL", "ALL").<Integer>getAs("volume")).isEqualTo(0);
  }

  @Test
  void backlogAgingAndOverdueFromTheEventHistory() {
    Row d2 = kpi("2024-03-02", "ALL", "ALL");
    assertThat(d2.<Integer>getAs("backlog")).as("B and C open at 03-03 00:00; D, E gone; F closed again").isEqualTo(2);
    assertThat(d2.<Integer>getAs("backlog_0_1d")).as("B 16 h, C 15 h old").isEqualTo(2);
    assertThat(d2.<Integer>getAs("overdue")).isEqualTo(0);
    Row d1 = kpi("2024-03-01", "ALL", "ALL");
    assertThat(d1.<Integer>getAs("backlog")).as("A open over midnight; F closed at 20:00").isEqualTo(1);
    Row d4 = kpi("2024-03-04", "C01", "noise");
    assertThat(d4.<Integer>getAs("backlog")).isEqualTo(1);
    assertThat(d4.<Integer>getAs("backlog_1_3d")).as("C is 2.625 days old at 03-05 00:00").isEqualTo(1);
    assertThat(d4.<Integer>getAs("overdue")).as("C open past 03-04 09:00").isEqualTo(1);
  }

  @Test
  void responseAndResolutionPercentilesInHours() {
    Row c01heat = kpi("2024-03-02", "C01", "heating");
    // acknowledged that day: A after 2 h, B after 0.5 h → median 1.25, p90 0.5 + 0.9 · 1.5 = 1.85
    assertThat(c01heat.<Double>getAs("first_response_p50_h")).isCloseTo(1.25, within(1e-9));
    assertThat(c01heat.<Double>getAs("first_response_p90_h")).isCloseTo(1.85, within(1e-9));
    Row c01 = kpi("2024-03-02", "C01", "ALL");
    // closed that day: A after 6 h, F (reopened) after 29 h → median 17.5, p90 6 + 0.9 · 23 = 26.7
    assertThat(c01.<Double>getAs("resolution_p50_h")).isCloseTo(17.5, within(1e-9));
    assertThat(c01.<Double>getAs("resolution_p90_h")).isCloseTo(26.7, within(1e-9));
    assertThat(kpi("2024-03-04", "ALL", "ALL").<Double>getAs("resolution_p50_h")).as("nothing closed: empty").isNull();
  }

  @Test
  void slaDueMetAndCompliance() {
    Row d2 = kpi("2024-03-02", "C01", "heating");
    assertThat(List.of(d2.<Integer>getAs("sla_due"), d2.<Integer>getAs("sla_met"))).as("A due 23:00, closed 05:00").containsExactly(1, 1);
    Row d3 = kpi("2024-03-03", "ALL", "ALL");
    // B closed exactly at its due time: met; F first closed 03-01: met; D rejected: left out
    assertThat(List.of(d3.<Integer>getAs("sla_due"), d3.<Integer>getAs("sla_met"))).containsExactly(2, 2);
    assertThat(d3.<Double>getAs("sla_compliance")).isEqualTo(1.0);
    Row d4 = kpi("2024-03-04", "ALL", "ALL");
    // C open at its due time: breach; E duplicate: left out
    assertThat(List.of(d4.<Integer>getAs("sla_due"), d4.<Integer>getAs("sla_met"))).containsExactly(1, 0);
    assertThat(d4.<Double>getAs("sla_compliance")).isEqualTo(0.0);
    assertThat(kpi("2024-03-01", "ALL", "ALL").<Double>getAs("sla_compliance")).as("nothing due: empty").isNull();
  }

  @Test
  void satisfactionWithUnlinkedFeedbackAndADayWithout() {
    Row all = kpi("2024-03-02", "ALL", "ALL");
    assertThat(all.<Integer>getAs("feedback_n")).isEqualTo(3);
    assertThat(all.<Double>getAs("rating_mean")).isCloseTo(4.0, within(1e-9));
    assertThat(all.<Double>getAs("csat")).as("5 and 4 of 5, 3, 4").isCloseTo(2.0 / 3, within(1e-9));
    assertThat(kpi("2024-03-02", "C02", "UNLINKED").<Double>getAs("rating_mean")).isEqualTo(4.0);
    assertThat(kpi("2024-03-02", "C01", "noise").<Double>getAs("csat")).isEqualTo(0.0);
    assertThat(kpi("2024-03-02", "C01", "ALL").<Double>getAs("feedback_rate")).as("A and F closed, both rated").isEqualTo(1.0);
    Row d3 = kpi("2024-03-03", "ALL", "ALL");
    assertThat(d3.<Double>getAs("rating_mean")).as("no feedback: empty, not 0").isNull();
    assertThat(d3.<Integer>getAs("feedback_n")).isEqualTo(0);
    assertThat(d3.<Double>getAs("feedback_rate")).as("B closed without feedback").isEqualTo(0.0);
  }

  @Test
  void feedbackRateCountsARequestOncePerCellWhenItClosesTwiceInADay() {
    // Z closes in heating, is reopened and recategorised, and closes in noise the same day; W closes in heating.
    // Only Z has feedback. Per cell: heating {Z, W}, noise {Z}, ALL {Z, W} (Z once).
    List<Row> x = new ArrayList<>();
    DashboardFixture.request(x, "Z", "C01", "heating", "2024-04-01T08:00", "2024-04-03T08:00", "closed 2024-04-02T09:00");
    DashboardFixture.request(x, "Z", "C01", "noise", "2024-04-01T08:00", "2024-04-03T08:00", "reopened 2024-04-02T10:00",
        "closed 2024-04-02T15:00");
    DashboardFixture.request(x, "W", "C01", "heating", "2024-04-01T08:00", "2024-04-03T08:00", "closed 2024-04-02T11:00");
    SparkSession spark = SharedSpark.get();
    Dataset<Row> events = spark.createDataFrame(x, Schemas.get(Schemas.REQUEST_EVENTS).sparkSchema());
    Dataset<Row> rated = spark.sql("SELECT 'Z' AS request_id, 5 AS rating");
    Map<String, String> actual = new TreeMap<>();
    for (Row row : SatisfactionMetrics.feedbackRate(events, DashboardInputs.feedbackByRequest(rated),
        new DateRange(LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 2))).collectAsList()) {
      actual.put(row.getAs("community_id") + "/" + row.getAs("category"), row.getAs("closed_n") + " " + row.getAs("feedback_rate"));
    }
    assertThat(actual).as("closed requests and feedback rate per cell").isEqualTo(Map.of(
        "C01/heating", "2 0.5", "C01/noise", "1 1.0", "C01/ALL", "2 0.5",
        "ALL/heating", "2 0.5", "ALL/noise", "1 1.0", "ALL/ALL", "2 0.5"));
  }

  @Test
  void reopenRateAgainstClosuresOfThePrevious30Days() {
    Row noise = kpi("2024-03-02", "C01", "noise");
    assertThat(noise.<Integer>getAs("reopened")).isEqualTo(1);
    assertThat(noise.<Double>getAs("reopen_rate")).as("F reopened / F closed 03-01").isEqualTo(1.0);
  }

  @Test
  void participationMonthToDatePer1000AndNonGovernmentShare() {
    Row c01 = participation.stream().filter(r -> r.getAs("date").toString().equals("2024-03-02")
        && r.getAs("community_id").equals("C01") && r.getAs("dimension").equals("ALL")).findFirst().orElseThrow();
    assertThat(c01.<Long>getAs("participants_mtd")).as("K1, K2; K3 was in February").isEqualTo(2L);
    assertThat(c01.<Long>getAs("records_mtd")).isEqualTo(3L);
    assertThat(c01.<Double>getAs("per_1000")).isCloseTo(2.0, within(1e-9));
    assertThat(c01.<Double>getAs("non_gov_share")).isCloseTo(2.0 / 3, within(1e-9));
  }
}
