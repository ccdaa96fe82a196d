package org.civicpulse.dashboard;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.schema.Schemas;
import org.civicpulse.stats.Backlog;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * backlog and month-to-date participation are computed as running sums of steps; these tests hold them to
 * the per-day definitions of docs/metrics.md, written here the direct way (one row per open day, one row per record
 * and later day of its month) on histories long enough to cross every aging bucket and month boundary.
 */
class RunningSumMetricsTest {
  private final SparkSession spark = SharedSpark.get();

  @Test
  void backlogAgingAndOverdueEqualTheOpenDayCount() {
    // Every seventh request has no due time: in the backlog, never overdue.
    Dataset<Row> events = HistoryFixture.events(spark)
        .withColumn("due_at", expr("CASE WHEN int(substr(request_id, 2)) % 7 = 3 THEN NULL ELSE due_at END"));
    DashboardInputs v = withEvents(events);
    DateRange r = new DateRange(LocalDate.of(2024, 2, 20), LocalDate.of(2024, 6, 30));
    // The grid holds the reference communities C01 and C02; the fixture's C03 counts in the ALL roll-ups only.
    Dataset<Row> expected = byOpenDays(v, r).filter("community_id <> 'C03'");
    List<Row> actual = BacklogMetrics.backlog(v.events(), v.grid(), r).filter(col("backlog").gt(0)).collectAsList();
    assertThat(actual).as("backlog cells with anything open").containsExactlyInAnyOrderElementsOf(expected.collectAsList());
    Row area = expected.filter("community_id = 'ALL' AND category = 'ALL' AND date = DATE'2024-06-30'").first();
    assertThat(area.<Integer>getAs("backlog_30d_plus")).as("long-open requests reach the last bucket").isGreaterThan(50);
    assertThat(area.<Integer>getAs("overdue")).as("overdue below backlog: some have no due time")
        .isLessThan(area.<Integer>getAs("backlog"));
  }

  @Test
  void theDailyBacklogIsTheSharedDefinitionAtTheEndOfEachDay() {
    DashboardInputs v = withEvents(HistoryFixture.events(spark));
    DateRange r = new DateRange(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 30));
    Dataset<Row> daily = BacklogMetrics.backlog(v.events(), v.grid(), r).filter("category = 'ALL'");
    long compared = 0;
    for (LocalDate d = r.from(); !d.isAfter(r.to()); d = d.plusDays(17)) {
      String end = "timestamp'" + d.plusDays(1) + " 00:00:00'";
      java.util.Map<String, Long> atEnd = new java.util.TreeMap<>();
      for (Row row : Backlog.openAt(v.events(), expr(end)).groupBy("community_id").count().collectAsList()) {
        atEnd.put(row.getString(0), row.getLong(1));
        atEnd.merge("ALL", row.getLong(1), Long::sum);
      }
      java.util.Map<String, Long> fromMart = new java.util.TreeMap<>();
      for (Row row : daily.filter("date = DATE'" + d + "' AND backlog > 0").collectAsList()) {
        fromMart.put(row.getAs("community_id"), (long) row.<Integer>getAs("backlog"));
      }
      atEnd.remove("C03"); // not on the reference grid; it counts in ALL
      assertThat(fromMart).as("backlog at the end of " + d).isEqualTo(atEnd);
      compared += atEnd.getOrDefault("ALL", 0L);
    }
    assertThat(compared).as("open requests compared over the sampled days").isGreaterThan(200);
  }

  @Test
  void closedInThePrevious30DaysCountsEachRequestOncePerDay() {
    // HistoryFixture's closes, plus F of the hand-built day (closed twice a day apart: overlapping windows), X,
    // closed in heating and again nine days later in noise (once in the ALL roll-ups, once in each category), and Y.
    List<Row> x = new ArrayList<>();
    DashboardFixture.request(x, "X", "C01", "heating", "2024-03-20T10:00", "2024-03-21T10:00", "closed 2024-04-01T10:00");
    DashboardFixture.request(x, "X", "C01", "noise", "2024-03-20T10:00", "2024-03-21T10:00", "closed 2024-04-10T10:00");
    // Y closed twice on one day: once per day and group, like a single close.
    List<Row> y = new ArrayList<>();
    DashboardFixture.request(y, "Y", "C02", "noise", "2024-04-03T08:00", "2024-04-04T08:00", "created 2024-04-03T08:00",
        "closed 2024-04-05T09:00", "reopened 2024-04-05T10:00", "closed 2024-04-05T16:00");
    x.addAll(y);
    Dataset<Row> events = HistoryFixture.events(spark).unionByName(DashboardFixture.inputs(spark).events())
        .unionByName(spark.createDataFrame(x, Schemas.get(Schemas.REQUEST_EVENTS).sparkSchema()));
    DashboardInputs v = withEvents(events);
    DateRange r = new DateRange(LocalDate.of(2024, 2, 20), LocalDate.of(2024, 5, 10));
    List<Row> expected = closedByDays(v, r).filter("community_id <> 'C03'").collectAsList();
    List<Row> actual = ReopenMetrics.closedPrevious30(v.events(), v.grid(), r).filter(col("closed_prev30").gt(0)).collectAsList();
    assertThat(actual).as("closed_prev30 cells").containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected).as("rows compared").hasSizeGreaterThan(500);
    DashboardInputs yAlone = withEvents(spark.createDataFrame(y, Schemas.get(Schemas.REQUEST_EVENTS).sparkSchema()));
    List<String> yDays = ReopenMetrics.closedPrevious30(yAlone.events(), yAlone.grid(), r)
        .filter("community_id = 'C02' AND category = 'noise' AND closed_prev30 > 0")
        .selectExpr("concat(min(date), ' … ', max(date), ': ', max(closed_prev30))").as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
    assertThat(yDays).as("Y alone, closed twice on 04-05: counted once on 04-06 … 05-05").containsExactly("2024-04-06 … 2024-05-05: 1");
  }

  @Test
  void aCellWithNothingOpenIsZeroOnTheGrid() {
    DashboardInputs v = DashboardFixture.inputs(spark);
    DateRange r = new DateRange(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 4));
    // C02 only has a rejected and a duplicate request, both closed on 03-02.
    Row c02 = BacklogMetrics.backlog(v.events(), v.grid(), r).filter("date = DATE'2024-03-02' AND community_id = 'C02' AND category = 'ALL'").first();
    assertThat(c02.<Integer>getAs("backlog")).as("C02 backlog at the end of 03-02").isZero();
    assertThat(BacklogMetrics.backlog(v.events(), v.grid(), r).count()).as("grid: 4 days × 3 communities × 3 categories").isEqualTo(36);
  }

  @Test
  void monthToDateParticipationEqualsTheDistinctCountOverEachDaysMonth() {
    DashboardInputs v = withParticipation(randomParticipation(600));
    DateRange r = new DateRange(LocalDate.of(2024, 3, 10), LocalDate.of(2024, 5, 20));
    List<Row> expected = participationByDays(v, r).collectAsList();
    List<Row> actual = ParticipationMetrics.monthToDate(v.participation(), v.communities(), r).collectAsList();
    assertThat(actual).as("participation_daily rows").containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected).as("rows compared").hasSizeGreaterThan(1000);
  }

  /** The direct definition: one row per request and open day, then counted per day × CUBE. */
  private Dataset<Row> byOpenDays(DashboardInputs v, DateRange r) {
    BacklogMetrics.openDays(v.events(), r).createOrReplaceTempView("ref_open_days");
    return spark.sql("SELECT " + Rollup.KEYS + ", CAST(count(*) AS INT) AS backlog,"
        + " CAST(sum(CASE WHEN age_days < 1 THEN 1 ELSE 0 END) AS INT) AS backlog_0_1d,"
        + " CAST(sum(CASE WHEN age_days >= 1 AND age_days < 3 THEN 1 ELSE 0 END) AS INT) AS backlog_1_3d,"
        + " CAST(sum(CASE WHEN age_days >= 3 AND age_days < 7 THEN 1 ELSE 0 END) AS INT) AS backlog_3_7d,"
        + " CAST(sum(CASE WHEN age_days >= 7 AND age_days < 30 THEN 1 ELSE 0 END) AS INT) AS backlog_7_30d,"
        + " CAST(sum(CASE WHEN age_days >= 30 THEN 1 ELSE 0 END) AS INT) AS backlog_30d_plus,"
        + " CAST(sum(CASE WHEN is_overdue THEN 1 ELSE 0 END) AS INT) AS overdue"
        + " FROM ref_open_days " + Rollup.CUBE);
  }

  /** The direct definition: each close repeated on the 30 days after it, then distinct-counted. */
  private Dataset<Row> closedByDays(DashboardInputs v, DateRange r) {
    v.events().createOrReplaceTempView("ref_events");
    return spark.sql("SELECT " + Rollup.KEYS + ", CAST(count(DISTINCT request_id) AS INT) AS closed_prev30 FROM ("
        + " SELECT d AS date, community_id, category, request_id FROM (SELECT community_id, category, request_id,"
        + "  to_date(event_time) AS c FROM ref_events WHERE event_type = 'closed'"
        + "  AND to_date(event_time) BETWEEN date_sub(" + r.a() + ", 30) AND " + r.b() + ")"
        + " LATERAL VIEW explode(sequence(greatest(date_add(c, 1), " + r.a() + "), least(date_add(c, 30), " + r.b() + "))) t AS d"
        + " WHERE greatest(date_add(c, 1), " + r.a() + ") <= least(date_add(c, 30), " + r.b() + ")) " + Rollup.CUBE);
  }

  /** The direct definition: every record repeated on each later day of its month, then distinct-counted. */
  private Dataset<Row> participationByDays(DashboardInputs v, DateRange r) {
    v.participation().createOrReplaceTempView("ref_participation");
    v.communities().createOrReplaceTempView("ref_communities");
    spark.sql("SELECT d AS date, community_id, activity_type, participant_role, resident_key, participation_id FROM"
        + " (SELECT *, greatest(to_date(occurred_at), " + r.a() + ") AS f, least(last_day(to_date(occurred_at)), " + r.b() + ") AS l"
        + "  FROM ref_participation WHERE to_date(occurred_at) BETWEEN trunc(" + r.a() + ", 'MM') AND " + r.b() + ")"
        + " LATERAL VIEW explode(sequence(f, l)) t AS d WHERE f <= l").createOrReplaceTempView("ref_part_days");
    String agg = "count(DISTINCT coalesce(resident_key, participation_id)) AS participants_mtd, count(*) AS records_mtd,"
        + " avg(CASE WHEN participant_role <> 'government' THEN 1D ELSE 0D END) AS non_gov_share";
    String union = String.join(" UNION ALL ",
        "SELECT date, coalesce(community_id, 'ALL') AS community_id, 'ALL' AS dimension, 'ALL' AS value, " + agg
            + " FROM ref_part_days GROUP BY date, ROLLUP(community_id)",
        "SELECT date, coalesce(community_id, 'ALL') AS community_id, 'activity_type' AS dimension, activity_type AS value, " + agg
            + " FROM ref_part_days GROUP BY date, activity_type, ROLLUP(community_id)",
        "SELECT date, coalesce(community_id, 'ALL') AS community_id, 'role' AS dimension, participant_role AS value, " + agg
            + " FROM ref_part_days GROUP BY date, participant_role, ROLLUP(community_id)");
    return spark.sql("SELECT p.*, CASE WHEN pop.population > 0 THEN p.participants_mtd * 1000D / pop.population END AS per_1000"
        + " FROM (" + union + ") p LEFT JOIN (SELECT community_id, population FROM ref_communities UNION ALL"
        + "  SELECT 'ALL', CASE WHEN count(*) = count(population) THEN sum(population) END FROM ref_communities) pop"
        + " ON p.community_id = pop.community_id");
  }

  /** Records over 2024-02-25 … 2024-05-31 in C01/C02, 40 residents (some records without a key), five types and roles. */
  private Dataset<Row> randomParticipation(int n) {
    Random rnd = new Random(11);
    String[] types = {"meeting", "vote", "volunteering", "consultation", "survey"};
    String[] roles = {"resident", "government", "social_org", "volunteer", "enterprise"};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      java.time.LocalDateTime t = LocalDate.of(2024, 2, 25).atStartOfDay().plusMinutes(rnd.nextInt(97 * 24 * 60));
      String key = rnd.nextInt(10) == 0 ? null : "K" + rnd.nextInt(40);
      rows.add(RowFactory.create("p" + i, DashboardFixture.ts(t.toString().substring(0, 16)), rnd.nextBoolean() ? "C01" : "C02",
          types[rnd.nextInt(types.length)], "a" + rnd.nextInt(5), key, roles[rnd.nextInt(roles.length)], 30,
          t.toString().substring(0, 7)));
    }
    return spark.createDataFrame(rows, Schemas.get(Schemas.PARTICIPATION).sparkSchema());
  }

  private DashboardInputs withEvents(Dataset<Row> events) {
    DashboardInputs f = DashboardFixture.inputs(spark);
    return new DashboardInputs(spark, events, f.requests(), f.feedback(), f.participation(), f.communities(),
        f.categories());
  }

  private DashboardInputs withParticipation(Dataset<Row> participation) {
    DashboardInputs f = DashboardFixture.inputs(spark);
    return new DashboardInputs(spark, f.events(), f.requests(), f.feedback(), participation, f.communities(),
        f.categories());
  }
}
