package org.civicpulse.dashboard;

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

/**
 * A hand-built day around 2024-03-02 (Asia/Shanghai) whose times hit the metric edges. Requests:
 * A C01 heating: created 03-01 23:00, ack 03-02 01:00, closed 03-02 05:00 (across midnight; due 03-02 23:00).
 * B C01 heating: created 03-02 08:00, ack 08:30, closed 03-03 08:00 = exactly its due time.
 * C C01 noise: created 03-02 09:00, never acknowledged, open at its due time 03-04 09:00.
 * D C02 heating: created 03-02 10:00, rejected 11:00. E C02 noise: created 03-02 12:00, duplicate 12:30.
 * F C01 noise: created 03-01 10:00, ack 12:00, closed 20:00, reopened 03-02 09:00, closed again 03-02 15:00.
 * SLA hours: heating 24, noise 48. Feedback: A rated 5, F rated 3, one unlinked 4 (C02), all on 03-02.
 * Participation in C01 (population 1,000): K1 meeting 03-01; K2 government vote and K1 vote 03-02; K3 02-28.
 */
final class DashboardFixture {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private DashboardFixture() {}

  static DashboardInputs inputs(SparkSession spark) {
    List<Row> ev = new ArrayList<>();
    request(ev, "A", "C01", "heating", "2024-03-01T23:00", "2024-03-02T23:00",
        "created 2024-03-01T23:00", "acknowledged 2024-03-02T01:00", "closed 2024-03-02T05:00");
    request(ev, "B", "C01", "heating", "2024-03-02T08:00", "2024-03-03T08:00",
        "created 2024-03-02T08:00", "acknowledged 2024-03-02T08:30", "closed 2024-03-03T08:00");
    request(ev, "C", "C01", "noise", "2024-03-02T09:00", "2024-03-04T09:00", "created 2024-03-02T09:00");
    request(ev, "D", "C02", "heating", "2024-03-02T10:00", "2024-03-03T10:00",
        "created 2024-03-02T10:00", "rejected 2024-03-02T11:00");
    request(ev, "E", "C02", "noise", "2024-03-02T12:00", "2024-03-04T12:00",
        "created 2024-03-02T12:00", "duplicate 2024-03-02T12:30");
    request(ev, "F", "C01", "noise", "2024-03-01T10:00", "2024-03-03T10:00", "created 2024-03-01T10:00",
        "acknowledged 2024-03-01T12:00", "closed 2024-03-01T20:00", "reopened 2024-03-02T09:00", "closed 2024-03-02T15:00");
    Dataset<Row> events = spark.createDataFrame(ev, Schemas.get(Schemas.REQUEST_EVENTS).sparkSchema());

    List<Row> sr = new ArrayList<>();
    for (String[] r : new String[][] {{"A", "C01", "heating", "closed"}, {"B", "C01", "heating", "closed"},
        {"C", "C01", "noise", "open"}, {"D", "C02", "heating", "rejected"}, {"E", "C02", "noise", "duplicate"},
        {"F", "C01", "noise", "closed"}}) {
      Object[] v = new Object[Schemas.get(Schemas.SERVICE_REQUESTS).sparkSchema().size()];
      TableSchema s = Schemas.get(Schemas.SERVICE_REQUESTS);
      v[s.fieldNames().indexOf("request_id")] = r[0];
      v[s.fieldNames().indexOf("community_id")] = r[1];
      v[s.fieldNames().indexOf("category")] = r[2];
      v[s.fieldNames().indexOf("status")] = r[3];
      v[s.fieldNames().indexOf("created_at")] = ts("2024-03-02T00:00");
      v[v.length - 1] = "2024-03";
      sr.add(RowFactory.create(v));
    }
    Dataset<Row> requests = spark.createDataFrame(sr, Schemas.get(Schemas.SERVICE_REQUESTS).sparkSchema());

    Dataset<Row> feedback = spark.createDataFrame(List.of(
        RowFactory.create("fb1", ts("2024-03-02T10:00"), "C01", "A", 5, "app", null, null, "2024-03"),
        RowFactory.create("fb2", ts("2024-03-02T11:00"), "C01", "F", 3, "app", null, null, "2024-03"),
        RowFactory.create("fb3", ts("2024-03-02T12:00"), "C02", null, 4, "app", null, null, "2024-03")),
        Schemas.get(Schemas.FEEDBACK).sparkSchema());
    Dataset<Row> participation = spark.createDataFrame(List.of(
        RowFactory.create("p1", ts("2024-03-01T19:00"), "C01", "meeting", "m", "K1", "resident", 60, "2024-03"),
        RowFactory.create("p2", ts("2024-03-02T19:00"), "C01", "vote", "v", "K2", "government", 5, "2024-03"),
        RowFactory.create("p3", ts("2024-03-02T19:30"), "C01", "vote", "v", "K1", "resident", 5, "2024-03"),
        RowFactory.create("p4", ts("2024-02-28T19:00"), "C01", "meeting", "m", "K3", "resident", 60, "2024-02")),
        Schemas.get(Schemas.PARTICIPATION).sparkSchema());
    Dataset<Row> communities = spark.createDataFrame(List.of(
        RowFactory.create("C01", "Riverside", "河畔", "D", "S", 1000L, 400L, 1.0),
        RowFactory.create("C02", "Hillview", "山景", "D", "S", 2000L, 800L, 1.0)), Schemas.get(Schemas.COMMUNITIES).sparkSchema());
    Dataset<Row> categories = spark.createDataFrame(List.of(
        RowFactory.create("heating", "Heating", "供暖", 24.0, "enterprise"),
        RowFactory.create("noise", "Noise", "噪音", 48.0, "government")), Schemas.get(Schemas.CATEGORIES).sparkSchema());
    return new DashboardInputs(spark, events, requests, feedback, participation, communities, categories);
  }

  /** Events of one request: "type yyyy-MM-ddTHH:mm" each, the state fields filled as the lake would. */
  static void request(List<Row> out, String id, String community, String category, String created, String due,
      String... events) {
    TableSchema s = Schemas.get(Schemas.REQUEST_EVENTS);
    for (String e : events) {
      String[] p = e.split(" ");
      Object[] v = new Object[s.sparkSchema().size()];
      List<String> names = s.fieldNames();
      v[names.indexOf("event_id")] = id + "-" + p[0] + "-" + p[1];
      v[names.indexOf("request_id")] = id;
      v[names.indexOf("event_type")] = p[0];
      v[names.indexOf("event_time")] = ts(p[1]);
      v[names.indexOf("community_id")] = community;
      v[names.indexOf("category")] = category;
      v[names.indexOf("channel")] = "app";
      v[names.indexOf("created_at")] = ts(created);
      v[names.indexOf("due_at")] = ts(due);
      v[names.indexOf("provider_id")] = "P-" + category;
      v[names.indexOf("provider_type")] = "government";
      v[v.length - 1] = p[1].substring(0, 7);
      out.add(RowFactory.create(v));
    }
  }

  static Timestamp ts(String local) {
    return Timestamp.from(LocalDateTime.parse(local).atZone(ZONE).toInstant());
  }
}
