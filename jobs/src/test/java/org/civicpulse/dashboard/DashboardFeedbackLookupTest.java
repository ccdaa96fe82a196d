package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.config.Targets;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.schema.Marts;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * DashboardJob reads feedback rows only from the range's months, yet "has feedback", provider CSAT and a
 * rating's category still see the whole lake. On the hand-built day (DashboardFixture) plus: request OLD
 * (C02 heating, created and closed in January 2022) rated 2 on 2024-03-03, and request B (closed 2024-03-03,
 * unrated in the fixture) rated 3 on 2024-04-10, a month after the range.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardFeedbackLookupTest {
  private final SparkSession spark = SharedSpark.get();
  private DeltaStore store;
  private Lake lake;

  @BeforeAll
  void runDashboardForMarch3() throws Exception {
    lake = new Lake(Files.createTempDirectory("cp-feedback-lookup").resolve("lake"));
    store = new DeltaStore(spark);
    DashboardInputs f = DashboardFixture.inputs(spark);
    List<Row> old = new ArrayList<>();
    DashboardFixture.request(old, "OLD", "C02", "heating", "2022-01-10T09:00", "2022-01-11T09:00",
        "created 2022-01-10T09:00", "closed 2022-01-10T17:00");
    store.overwrite(f.events().unionByName(spark.createDataFrame(old, Schemas.get(Schemas.REQUEST_EVENTS).sparkSchema())),
        lake.curated(Schemas.REQUEST_EVENTS), "month");
    // The fixture leaves channel empty (no metric reads it); a Delta table enforces required fields.
    store.overwrite(f.requests().unionByName(oldRequest()).withColumn("channel", org.apache.spark.sql.functions.lit("app")),
        lake.curated(Schemas.SERVICE_REQUESTS), "month");
    Dataset<Row> moreFeedback = spark.createDataFrame(List.of(
        RowFactory.create("fb-old", DashboardFixture.ts("2024-03-03T10:00"), "C02", "OLD", 2, "app", null, null, "2024-03"),
        RowFactory.create("fb-b", DashboardFixture.ts("2024-04-10T10:00"), "C01", "B", 3, "app", null, null, "2024-04")),
        Schemas.get(Schemas.FEEDBACK).sparkSchema());
    store.overwrite(f.feedback().unionByName(moreFeedback), lake.curated(Schemas.FEEDBACK), "month");
    store.overwrite(f.participation(), lake.curated(Schemas.PARTICIPATION), "month");
    store.overwrite(f.communities(), lake.curated(Schemas.COMMUNITIES), null);
    store.overwrite(f.categories(), lake.curated(Schemas.CATEGORIES), null);
    new DashboardJob(store, lake, Targets.load(null), null, s -> { })
        .run(new DateRange(LocalDate.of(2024, 3, 3), LocalDate.of(2024, 3, 3)));
  }

  @Test
  void feedbackFromAnotherMonthCountsForTheFeedbackRate() {
    Row c01 = kpi("C01", "ALL");
    assertThat(c01.<Double>getAs("feedback_rate")).as("B, closed on 03-03, is rated only in April, outside the range's months")
        .isEqualTo(1.0);
  }

  @Test
  void aRatingOfATwoYearOldRequestTakesItsCategory() {
    Row oldHeating = kpi("C02", "heating");
    assertThat(oldHeating.<Number>getAs("feedback_n").longValue()).as("fb-old, of a request created in 2022").isEqualTo(1L);
    assertThat(oldHeating.<Double>getAs("rating_mean")).isEqualTo(2.0);
    assertThat(oldHeating.<Double>getAs("csat")).isEqualTo(0.0);
    assertThat(store.read(lake.mart(Marts.KPIS_DAILY), null).filter("category = 'UNLINKED' AND feedback_n > 0").count())
        .as("nothing rated on 03-03 is unlinked").isZero();
  }

  @Test
  void providerCsatCountsFeedbackOfAnyMonth() {
    // Window 02-03 … 03-03: heating requests A (rated 5 on 03-02), B (rated 3 in April) and D (rejected).
    Row heating = store.read(lake.mart(Marts.PROVIDERS), null).filter("category = 'heating'").first();
    assertThat(heating.<Number>getAs("feedback_n").longValue()).as("A's and B's ratings").isEqualTo(2L);
    assertThat(heating.<Double>getAs("csat")).as("one of two ratings ≥ 4").isEqualTo(0.5);
  }

  private Row kpi(String community, String category) {
    return store.read(lake.mart(Marts.KPIS_DAILY), null)
        .filter("date = DATE'2024-03-03' AND community_id = '" + community + "' AND category = '" + category + "'").first();
  }

  private Dataset<Row> oldRequest() {
    TableSchema s = Schemas.get(Schemas.SERVICE_REQUESTS);
    Object[] v = new Object[s.sparkSchema().size()];
    v[s.fieldNames().indexOf("request_id")] = "OLD";
    v[s.fieldNames().indexOf("community_id")] = "C02";
    v[s.fieldNames().indexOf("category")] = "heating";
    v[s.fieldNames().indexOf("status")] = "closed";
    v[s.fieldNames().indexOf("created_at")] = DashboardFixture.ts("2022-01-10T09:00");
    v[v.length - 1] = "2022-01";
    return spark.createDataFrame(List.of(RowFactory.create(v)), s.sparkSchema());
  }
}
