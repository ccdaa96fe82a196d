package org.civicpulse.stats;

import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * The backlog definition on five hand-built requests of 2024-03-02 (local time):
 * R1 created 09:00, closed 10:00; R2 created and closed at 08:00 (the close listed first);
 * R3 created 07:00, closed 07:30, reopened 08:30; R4 created 07:00, acknowledged 07:10, rejected 11:00;
 * R5 created 07:00, duplicate 12:00.
 */
class BacklogTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private final SparkSession spark = SharedSpark.get();

  @Test
  void spellsRunFromEachOpeningEventToTheNextEndingOne() {
    List<Row> spells = Backlog.spells(events()).orderBy("request_id", "open_at")
        .selectExpr("request_id", "date_format(open_at, 'HH:mm')", "date_format(close_at, 'HH:mm')").collectAsList();
    assertThat(spells.toString()).as("one row per created/reopened event; R3's second spell still open")
        .isEqualTo("[[R1,09:00,10:00], [R2,08:00,08:00], [R3,07:00,07:30], [R3,08:30,null], [R4,07:00,11:00],"
            + " [R5,07:00,12:00]]");
  }

  @Test
  void openAtCountsSpellsOpenedBeforeAndNotEndedAtTheInstant() {
    // 09:30: R1, R3, R4, R5 (R2 was never open). 10:00: R1's close at the instant ends it. 11:00: R4 rejected.
    // 12:00: R5 a duplicate. 09:00: R1 opened at the instant is not open yet; R3 reopened at 08:30 is.
    assertThat(openAt("09:30")).isEqualTo(List.of("R1", "R3", "R4", "R5"));
    assertThat(openAt("10:00")).isEqualTo(List.of("R3", "R4", "R5"));
    assertThat(openAt("11:00")).isEqualTo(List.of("R3", "R5"));
    assertThat(openAt("12:00")).isEqualTo(List.of("R3"));
    assertThat(openAt("09:00")).isEqualTo(List.of("R3", "R4", "R5"));
    assertThat(openAt("08:00")).as("R3 closed at 07:30, not yet reopened").isEqualTo(List.of("R4", "R5"));
  }

  @Test
  void theLiveApproximationCountsRecordsWithAnOpenStatus() {
    TableSchema s = Schemas.get(Schemas.SERVICE_REQUESTS);
    List<Row> rows = new ArrayList<>();
    String[] statuses = {"open", "assigned", "in_progress", "closed", "rejected", "duplicate"};
    for (int i = 0; i < statuses.length; i++) {
      Object[] v = new Object[s.sparkSchema().size()];
      v[s.fieldNames().indexOf("request_id")] = "Q" + i;
      v[s.fieldNames().indexOf("status")] = statuses[i];
      rows.add(RowFactory.create(v));
    }
    Dataset<Row> requests = spark.createDataFrame(rows, s.sparkSchema());
    assertThat(Backlog.openByStatus(requests).select("request_id").orderBy("request_id").collectAsList().toString())
        .isEqualTo("[[Q0], [Q1], [Q2]]");
  }

  private List<String> openAt(String time) {
    return Backlog.openAt(events(), lit(ts(time))).select("request_id").orderBy("request_id")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }

  private Dataset<Row> events() {
    List<Row> ev = new ArrayList<>();
    add(ev, "R1", "created 09:00", "closed 10:00");
    add(ev, "R2", "closed 08:00", "created 08:00");
    add(ev, "R3", "created 07:00", "closed 07:30", "reopened 08:30");
    add(ev, "R4", "created 07:00", "acknowledged 07:10", "rejected 11:00");
    add(ev, "R5", "created 07:00", "duplicate 12:00");
    return spark.createDataFrame(ev, Schemas.get(Schemas.REQUEST_EVENTS).sparkSchema());
  }

  private static void add(List<Row> out, String request, String... events) {
    TableSchema s = Schemas.get(Schemas.REQUEST_EVENTS);
    for (String e : events) {
      String[] p = e.split(" ");
      Object[] v = new Object[s.sparkSchema().size()];
      v[s.fieldNames().indexOf("event_id")] = request + "-" + p[0];
      v[s.fieldNames().indexOf("request_id")] = request;
      v[s.fieldNames().indexOf("event_type")] = p[0];
      v[s.fieldNames().indexOf("event_time")] = ts(p[1]);
      v[s.fieldNames().indexOf("community_id")] = "C01";
      v[s.fieldNames().indexOf("category")] = "heating";
      v[v.length - 1] = "2024-03";
      out.add(RowFactory.create(v));
    }
  }

  private static Timestamp ts(String hhmm) {
    return Timestamp.from(LocalDateTime.parse("2024-03-02T" + hhmm).atZone(ZONE).toInstant());
  }
}
