package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.config.EquitySettings;
import org.civicpulse.stats.EquityIndex;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * What the equity marts take from the requests of a 90-day window ending 2025-03-31 (local days, Asia/Shanghai):
 * nine requests at the window's edges, worked by hand.
 */
class EquityMetricsTest {
  private final SparkSession spark = SharedSpark.get();
  static final LocalDate D = LocalDate.parse("2025-03-31");

  Dataset<Row> requests() {
    return spark.sql("SELECT community_id, category, to_timestamp(c) AS created_at, to_timestamp(x) AS closed_at,"
        + " to_timestamp(u) AS due_at, status FROM VALUES"
        // C1 info: 1 h and 3 h, the second past its due time.
        + " ('C1', 'info', '2025-03-01 10:00:00', '2025-03-01 11:00:00', '2025-03-02 00:00:00', 'closed'),"
        + " ('C1', 'info', '2025-03-02 00:00:00', '2025-03-02 03:00:00', '2025-03-02 02:00:00', 'closed'),"
        // C1 repair: created before the window, closed on its first local day after 288.5 h; no due time.
        + " ('C1', 'repair', '2024-12-20 00:00:00', '2025-01-01 00:30:00', NULL, 'closed'),"
        // C1 repair: created in the window's last second, open.
        + " ('C1', 'repair', '2025-03-31 23:59:59', NULL, NULL, 'open'),"
        // C2 info: rejected (not a closure); closed before it was created (not a closure); both created in it.
        + " ('C2', 'info', '2025-02-01 00:00:00', '2025-02-01 07:00:00', NULL, 'rejected'),"
        + " ('C2', 'info', '2025-03-10 12:00:00', '2025-03-10 11:00:00', NULL, 'closed'),"
        // C2 info: entirely before the window; created after D: neither counts.
        + " ('C2', 'info', '2024-12-31 23:00:00', '2024-12-31 23:30:00', NULL, 'closed'),"
        + " ('C2', 'info', '2025-04-01 00:00:01', NULL, NULL, 'open'),"
        // C2 info: 7 h, on time.
        + " ('C2', 'info', '2025-03-15 08:00:00', '2025-03-15 15:00:00', '2025-03-16 00:00:00', 'closed')"
        + " AS t(community_id, category, c, x, u, status)");
  }

  @Test
  void eachCellHoldsItsWindowsCreationsAndClosures() {
    List<EquityIndex.Cell> cells = EquityMetrics.sums(requests(), D, 90);
    double ln2 = Math.log(2);
    assertThat(cells).hasSize(3);
    EquityIndex.Cell info1 = cells.get(0);
    assertThat(info1.community() + " " + info1.category()).isEqualTo("C1 info");
    assertThat(info1.created()).isEqualTo(2);
    assertThat(info1.closed()).isEqualTo(2);
    assertThat(info1.sumLog()).as("ln 2 + ln 4").isCloseTo(3 * ln2, within(1e-12));
    assertThat(info1.sumLogSq()).as("ln²2 + ln²4").isCloseTo(5 * ln2 * ln2, within(1e-12));
    assertThat(info1.withDue()).isEqualTo(2);
    assertThat(info1.onTime()).isEqualTo(1);
    assertThat(info1.medianHours()).as("left to medians()").isNaN();
    EquityIndex.Cell repair1 = cells.get(1);
    assertThat(repair1.created()).as("the open one").isEqualTo(1);
    assertThat(repair1.closed()).as("the old one closed in the window").isEqualTo(1);
    assertThat(repair1.sumLog()).isCloseTo(Math.log(289.5), within(1e-12));
    assertThat(repair1.withDue()).isZero();
    EquityIndex.Cell info2 = cells.get(2);
    assertThat(info2.community()).isEqualTo("C2");
    assertThat(info2.created()).as("rejected, closed-before-created and the 7 h one").isEqualTo(3);
    assertThat(info2.closed()).isEqualTo(1);
    assertThat(info2.sumLog()).isCloseTo(3 * ln2, within(1e-12));
    assertThat(info2.onTime()).isEqualTo(1);
  }

  @Test
  void mediansAreOfTheWindowsClosuresForTheNamedCommunitiesAndTheCity() {
    EquityMetrics.WindowMedians both = EquityMetrics.medians(requests(), D, 90, Set.of("C1", "C2"));
    assertThat(both.cells()).as("1 h and 3 h; 288.5 h; 7 h").isEqualTo(
        Map.of("C1", Map.of("info", 2.0, "repair", 288.5), "C2", Map.of("info", 7.0)));
    assertThat(both.city()).as("info: 1, 3 and 7 h").isEqualTo(Map.of("info", 3.0, "repair", 288.5));
    EquityMetrics.WindowMedians c2 = EquityMetrics.medians(requests(), D, 90, Set.of("C2"));
    assertThat(c2.cells()).isEqualTo(Map.of("C2", Map.of("info", 7.0)));
    assertThat(c2.city()).as("the city's medians do not depend on who is named").isEqualTo(both.city());
    List<EquityIndex.Cell> filled = c2.into(EquityMetrics.sums(requests(), D, 90));
    assertThat(filled).extracting(EquityIndex.Cell::medianHours).containsExactly(Double.NaN, Double.NaN, 7.0);
  }

  @Test
  void everyReferenceCommunityAndEveryOpenOneGetsARowThenTheCity() {
    Dataset<Row> communities = spark.sql("SELECT * FROM VALUES ('C1', 1000), ('C2', CAST(NULL AS INT))"
        + " AS t(community_id, population)");
    Dataset<Row> open = spark.sql("SELECT * FROM VALUES ('C1', true), ('C1', false), ('C3', false)"
        + " AS t(community_id, is_overdue)");
    EquityMetrics.Marts marts = EquityMetrics.compute(requests(), open, communities, D, EquitySettings.DEFAULT);
    List<Row> rows = marts.equity().orderBy("community_id").collectAsList();
    assertThat(rows).extracting(r -> r.getString(1)).containsExactly("ALL", "C1", "C2", "C3");
    Row c1 = rows.get(1);
    assertThat(c1.getDate(0).toLocalDate()).isEqualTo(D);
    assertThat(c1.getLong(c1.fieldIndex("population"))).isEqualTo(1000);
    assertThat(c1.getLong(c1.fieldIndex("requests"))).isEqualTo(3);
    assertThat(c1.getLong(c1.fieldIndex("closed"))).isEqualTo(3);
    assertThat(c1.getLong(c1.fieldIndex("open_past_due"))).isEqualTo(1);
    assertThat(c1.getDouble(c1.fieldIndex("open_past_due_share"))).isEqualTo(0.5);
    assertThat(c1.getDouble(c1.fieldIndex("requests_per_1000"))).isEqualTo(3.0);
    assertThat(c1.getString(c1.fieldIndex("flag_reason"))).as("3 closures < 50").isEqualTo(EquityIndex.TOO_FEW_CLOSED);
    assertThat(c1.isNullAt(c1.fieldIndex("z"))).isTrue();
    Row c3 = rows.get(3);
    assertThat(c3.isNullAt(c3.fieldIndex("population"))).as("open requests, no reference row").isTrue();
    assertThat(c3.getLong(c3.fieldIndex("requests"))).isZero();
    assertThat(c3.isNullAt(c3.fieldIndex("wait_index"))).isTrue();
    assertThat(marts.categories().count()).as("nobody flagged").isZero();
  }
}
