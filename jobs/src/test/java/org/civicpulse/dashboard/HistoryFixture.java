package org.civicpulse.dashboard;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.schema.Schemas;

/**
 * Half a year of request histories (2024-01-01 … 2024-06-30, one request every 11 hours) cycling through
 * eight lifecycles that cross month boundaries: open for ever, closed fast, closed then reopened and closed,
 * rejected, closed after 40 days, reopened after 50 days and left open, duplicate then reopened and closed
 * after 70 days, and closed at once but due in 90 days. Everything a summary of old history must get right.
 */
final class HistoryFixture {
  static final int REQUESTS = 400;

  private HistoryFixture() {}

  static Dataset<Row> events(SparkSession spark) {
    List<Row> ev = new ArrayList<>();
    LocalDateTime start = LocalDateTime.of(2024, 1, 1, 8, 0);
    for (int i = 0; i < REQUESTS; i++) {
      LocalDateTime c = start.plusHours(11L * i);
      String community = "C0" + (1 + i % 3);
      String category = i % 2 == 0 ? "heating" : "noise";
      LocalDateTime due = i % 8 == 7 ? c.plusDays(90) : c.plusHours(i % 2 == 0 ? 24 : 48);
      DashboardFixture.request(ev, "R" + i, community, category, iso(c), iso(due), lifecycle(i % 8, c));
    }
    return spark.createDataFrame(ev, Schemas.get(Schemas.REQUEST_EVENTS).sparkSchema());
  }

  private static String[] lifecycle(int kind, LocalDateTime c) {
    List<String> e = new ArrayList<>(List.of("created " + iso(c)));
    switch (kind) {
      case 1 -> e.add("closed " + iso(c.plusHours(2)));
      case 2 -> {
        e.add("closed " + iso(c.plusDays(3)));
        e.add("reopened " + iso(c.plusDays(13)));
        e.add("closed " + iso(c.plusDays(33)));
      }
      case 3 -> e.add("rejected " + iso(c.plusHours(1)));
      case 4 -> {
        e.add("acknowledged " + iso(c.plusHours(5)));
        e.add("closed " + iso(c.plusDays(40)));
      }
      case 5 -> {
        e.add("closed " + iso(c.plusDays(1)));
        e.add("reopened " + iso(c.plusDays(51)));
      }
      case 6 -> {
        e.add("duplicate " + iso(c.plusDays(5)));
        e.add("reopened " + iso(c.plusDays(7)));
        e.add("closed " + iso(c.plusDays(77)));
      }
      case 7 -> {
        e.add("acknowledged " + iso(c.plusHours(1)));
        e.add("closed " + iso(c.plusHours(6)));
      }
      default -> { }
    }
    return e.toArray(new String[0]);
  }

  private static String iso(LocalDateTime t) {
    return t.toString().substring(0, 16);
  }
}
