package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.lake.DeltaLogChanges;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.schema.Schemas;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** The kept summary on a real Delta lake: built once, reused, extended month by month, rebuilt on late data. */
class EventHistoryTest {
  private final SparkSession spark = SharedSpark.get();

  @Test
  void summaryIsReusedExtendedAndRebuiltWhenOldMonthsChange() throws Exception {
    Lake lake = new Lake(Files.createTempDirectory("cp-history"));
    DeltaStore store = new DeltaStore(spark);
    Dataset<Row> all = HistoryFixture.events(spark);
    store.append(all, lake.curated(Schemas.REQUEST_EVENTS), "month");
    List<String> log = new ArrayList<>();
    EventHistory history = new EventHistory(store, lake, log::add);
    DateRange may = new DateRange(LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 6));

    List<String> first = ids(history.events(may));
    assertThat(first).as("events read for 2024-05-06")
        .isEqualTo(ids(RequestHistorySummary.before(all, LocalDate.of(2024, 3, 1))
            .unionByName(all.filter(col("month").between("2024-03", "2024-05")))));
    assertThat(last(log)).as("first run").startsWith("history before 2024-03-01: summary of").endsWith("built from all events before 2024-03-01");

    history.events(may);
    assertThat(last(log)).as("second run").startsWith("history before 2024-03-01: kept summary of");

    DateRange june = new DateRange(LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 3));
    history.events(june);
    assertThat(last(log)).as("a month later").endsWith("built from summary 2024-03-01 + events 2024-03 … 2024-03");

    // A late event in February (a new request, still open) invalidates both summaries: rebuilt from all events.
    List<Row> late = new ArrayList<>();
    DashboardFixture.request(late, "LATE", "C01", "noise", "2024-02-20T09:00", "2024-02-22T09:00", "created 2024-02-20T09:00");
    store.append(spark.createDataFrame(late, Schemas.get(Schemas.REQUEST_EVENTS).sparkSchema()),
        lake.curated(Schemas.REQUEST_EVENTS), "month");
    assertThat(ids(history.events(june))).as("the late request is open in June").contains("LATE-created-2024-02-20T09:00");
    assertThat(last(log)).as("after a late February event").endsWith("built from all events before 2024-04-01");
  }

  @Test
  void commitsAboveTheBoundOrRewritesDoNotCountAsChanges() throws Exception {
    Path t = Files.createTempDirectory("cp-log").resolve("t");
    DeltaStore store = new DeltaStore(spark);
    Dataset<Row> rows = HistoryFixture.events(spark);
    store.append(rows.filter(col("month").equalTo("2024-03")), t, "month");        // v0
    store.append(rows.filter(col("month").equalTo("2024-05")), t, "month");        // v1
    store.append(rows.filter(col("month").equalTo("2024-02")), t, "month");        // v2
    DeltaLogChanges changes = new DeltaLogChanges(spark);
    assertThat(changes.changedBelow(t, 0, 1, "month", "2024-04")).as("v1 adds May only").isFalse();
    assertThat(changes.changedBelow(t, 0, 2, "month", "2024-04")).as("v2 adds February").isTrue();
    assertThat(changes.changedBelow(t, 0, 2, "month", "2024-02")).as("nothing below February").isFalse();
    assertThat(changes.changedBelow(t, 0, 7, "month", "2024-01")).as("a missing commit file proves nothing").isTrue();
    assertThat(DeltaLogChanges.touchesBelow("{\"add\":{\"path\":\"x\",\"partitionValues\":{\"month\":\"2023-01\"},\"dataChange\":false}}",
        "month", "2024-04")).as("an OPTIMIZE rewrite").isFalse();
  }

  private static String last(List<String> log) {
    return log.get(log.size() - 1);
  }

  private static List<String> ids(Dataset<Row> events) {
    return events.select("event_id").orderBy("event_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }
}
