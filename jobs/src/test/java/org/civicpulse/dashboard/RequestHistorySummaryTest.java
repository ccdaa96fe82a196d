package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

class RequestHistorySummaryTest {
  private final SparkSession spark = SharedSpark.get();

  @Test
  void keepsCreatedFirstCloseAndOpenSpellOfRequestsThatStillMatter() {
    // Before 2024-03-02 00:00 of the hand-built day: A is open (created 03-01 23:00); F was created,
    // acknowledged and closed on 03-01 but is due 03-03, so its created and closed events stay for SLA.
    // F's acknowledgement is no lifecycle event; B–E start on 03-02.
    Dataset<Row> events = DashboardFixture.inputs(spark).events();
    List<String> kept = ids(RequestHistorySummary.before(events, LocalDate.of(2024, 3, 2)));
    assertThat(kept).as("kept event ids").containsExactly(
        "A-created-2024-03-01T23:00", "F-closed-2024-03-01T20:00", "F-created-2024-03-01T10:00");
  }

  @Test
  void aRequestClosedBeforeTheCutAndDueBeforeItIsLeftOut() {
    // Before 03-03: F was closed and reopened 03-02 09:00, closed again 15:00, due 03-03 10:00 (kept for SLA,
    // first close only); A closed 03-02 05:00, due 03-02 23:00 → gone; B and C open → their created events;
    // D rejected and E duplicate, both due after the cut → created plus the rejection (SLA leaves them out).
    List<String> kept = ids(RequestHistorySummary.before(DashboardFixture.inputs(spark).events(), LocalDate.of(2024, 3, 3)));
    assertThat(kept).as("kept event ids").containsExactly(
        "B-created-2024-03-02T08:00", "C-created-2024-03-02T09:00",
        "D-created-2024-03-02T10:00", "D-rejected-2024-03-02T11:00", "E-created-2024-03-02T12:00",
        "E-duplicate-2024-03-02T12:30", "F-closed-2024-03-01T20:00", "F-created-2024-03-01T10:00");
  }

  @Test
  void summarisingASummaryGivesTheSummaryOfTheWholeHistory() {
    Dataset<Row> all = HistoryFixture.events(spark);
    LocalDate feb = LocalDate.of(2024, 2, 1);
    LocalDate mar = LocalDate.of(2024, 3, 1);
    Dataset<Row> chained = RequestHistorySummary.before(
        RequestHistorySummary.before(all, feb).unionByName(all.filter(col("month").equalTo("2024-02"))), mar);
    assertThat(ids(chained)).as("chained summary").isEqualTo(ids(RequestHistorySummary.before(all, mar)))
        .as("non-empty").isNotEmpty();
  }

  @Test
  void metricsFromTheSummaryEqualMetricsFromTheWholeHistory() {
    Dataset<Row> all = HistoryFixture.events(spark);
    DateRange r = new DateRange(LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 19));
    LocalDate w = EventHistory.lookBackStart(r);
    assertThat(w).as("look-back start").isEqualTo(LocalDate.of(2024, 3, 1));
    Dataset<Row> pruned = RequestHistorySummary.before(all, w).unionByName(all.filter(col("month").geq("2024-03")));
    assertThat(pruned.count()).as("events read").isLessThan(all.count());

    List<Row> full = kpis(all, r);
    List<Row> fromSummary = kpis(pruned, r);
    assertThat(fromSummary).as("kpis_daily from the summary").containsExactlyInAnyOrderElementsOf(full);
    // The comparison must be about something: long-open requests give a real backlog and overdue.
    Row area = full.stream().filter(x -> x.getAs("date").toString().equals("2024-05-19")
        && x.getAs("community_id").equals("ALL") && x.getAs("category").equals("ALL")).findFirst().orElseThrow();
    assertThat((int) area.getAs("backlog")).as("area backlog on 05-19").isGreaterThan(100);
    assertThat(worklist(pruned, r)).as("open days").containsExactlyInAnyOrderElementsOf(worklist(all, r));
  }

  private List<Row> kpis(Dataset<Row> events, DateRange r) {
    DashboardInputs v = withEvents(events);
    return KpiTable.build(v, r).collectAsList();
  }

  private List<Row> worklist(Dataset<Row> events, DateRange r) {
    return BacklogMetrics.openDays(events, r).collectAsList();
  }

  private DashboardInputs withEvents(Dataset<Row> events) {
    DashboardInputs f = DashboardFixture.inputs(spark);
    return new DashboardInputs(spark, events, f.requests(), f.feedback(), f.participation(), f.communities(),
        f.categories());
  }

  private static List<String> ids(Dataset<Row> events) {
    return events.select("event_id").orderBy("event_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }
}
