package org.civicpulse.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A hand-built report input: 2 communities (c1's names carry planted markup), 2 categories (road's
 * labels carry markup), 14 days up to 2025-12-31. Part rows are simple; the area (ALL/ALL) rows of the
 * report date and of the same day last week carry hand-picked values that the tests pin.
 */
final class ReportFixture {
  static final LocalDate D = LocalDate.of(2025, 12, 31);
  static final String EVIL = "<script>alert(1)</script>";
  static final String EVIL_CATEGORY = "<i>works</i>";
  static final String EVIL_PROVIDER = "prov-<b>1</b>";
  static final String EVIL_HOLIDAY = "Eve <em>x</em>";

  static final String[] KPI_SPEC = {"date:d", "community_id:s", "category:s", "volume:i", "backlog:i",
      "first_response_p50_h:f", "first_response_p90_h:f", "resolution_p50_h:f", "resolution_p90_h:f", "sla_due:i",
      "sla_met:i", "sla_compliance:f", "feedback_n:i", "rating_mean:f", "csat:f", "feedback_rate:f", "overdue:i",
      "anomaly_z:f", "anomaly_flag:b", "backlog_0_1d:i", "backlog_1_3d:i", "backlog_3_7d:i", "backlog_7_30d:i",
      "backlog_30d_plus:i", "reopened:i", "reopen_rate:f", "holiday:s"};

  private ReportFixture() {}

  static ReportData data(String lang) {
    return new ReportData(D, "Test city", lang, kpis(), channels(), participation(), providers(), scores(),
        worklist(), hotspots(), communities(), categories(), coverage(D, D, D), equity(), equityCategories());
  }

  /** Requests from 2023-01-01, feedback from 2023-01-03, participation from 2023-02-01, each up to its last day. */
  static List<SourceCoverage> coverage(LocalDate requests, LocalDate feedback, LocalDate participation) {
    return List.of(new SourceCoverage("requests", LocalDate.of(2023, 1, 1), requests, 12_345),
        new SourceCoverage("feedback", LocalDate.of(2023, 1, 3), feedback, 4_321),
        new SourceCoverage("participation", LocalDate.of(2023, 2, 1), participation, 987));
  }

  /** Part volume: 1, except c1/road 3 and c1/noise 2 on D (area 7), c1/road 2 on D-7 (area 5). */
  static int volume(LocalDate d, String c, String g) {
    if (d.equals(D) && c.equals("c1")) {
      return g.equals("road") ? 3 : 2;
    }
    if (d.equals(D.minusDays(7)) && c.equals("c1") && g.equals("road")) {
      return 2;
    }
    return 1;
  }

  /** Part backlog: 3, except c2/noise 6 on D-7 (area 12 on D, 15 on D-7). */
  static int backlog(LocalDate d, String c, String g) {
    return d.equals(D.minusDays(7)) && c.equals("c2") && g.equals("noise") ? 6 : 3;
  }

  /** Overdue: 2 for c1/road on D, else 0. */
  static int overdue(LocalDate d, String c, String g) {
    return d.equals(D) && c.equals("c1") && g.equals("road") ? 2 : 0;
  }

  static Table kpis() {
    TableBuilder b = new TableBuilder("kpis", KPI_SPEC);
    List<String> comms = List.of("c1", "c2");
    List<String> cats = List.of("road", "noise");
    for (int k = 13; k >= 0; k--) {
      LocalDate d = D.minusDays(k);
      Map<String, int[]> sums = new HashMap<>();
      for (String c : comms) {
        for (String g : cats) {
          int v = volume(d, c, g);
          int bl = backlog(d, c, g);
          int od = overdue(d, c, g);
          boolean spike = d.equals(D.minusDays(1)) && c.equals("c1") && g.equals("road");
          b.row(d, c, g, v, bl, 1.0, 2.0, 10.0, 20.0, 1, 1, 1.0, 1, 4.0, 1.0, 1.0, od,
              spike ? 4.21 : 0.5, spike, 1, 1, 1, 0, 0, 0, 0.0, spike ? EVIL_HOLIDAY : "");
          for (String key : List.of(c + "|ALL", "ALL|" + g, "ALL|ALL")) {
            int[] s = sums.computeIfAbsent(key, x -> new int[3]);
            s[0] += v;
            s[1] += bl;
            s[2] += od;
          }
        }
      }
      for (Map.Entry<String, int[]> e : sums.entrySet()) {
        String[] key = e.getKey().split("\\|");
        int[] s = e.getValue();
        boolean area = e.getKey().equals("ALL|ALL");
        if (area && d.equals(D)) {
          // The tile values pinned by ReportWriterTest.
          b.row(d, "ALL", "ALL", s[0], s[1], 2.5, 6.0, 12.0, 30.0, 7, 6, 6.0 / 7, 5, 4.2, 0.8, 0.5, s[2],
              0.3, false, 4, 4, 2, 2, 0, 1, 0.02, "");
        } else if (area && d.equals(D.minusDays(7))) {
          b.row(d, "ALL", "ALL", s[0], s[1], 3.0, 6.0, 12.0, null, 4, 3, 0.75, 6, 4.5, 0.9, 0.5, s[2],
              null, null, 5, 5, 3, 2, 0, 1, 0.01, "");
        } else {
          b.row(d, key[0], key[1], s[0], s[1], 1.0, 2.0, 10.0, 20.0, 2, 2, 1.0, 2, 4.0, 1.0, 1.0, s[2],
              0.1, false, s[1], 0, 0, 0, 0, 0, 0.0, "");
        }
      }
      b.row(d, "ALL", "UNLINKED", 0, 0, null, null, null, null, 0, 0, null, 1, 5.0, 1.0, null, 0,
          null, null, 0, 0, 0, 0, 0, 0, null, "");
    }
    return b.build();
  }

  static Table channels() {
    TableBuilder b = new TableBuilder("channels", "date:d", "community_id:s", "channel:s", "volume:i");
    for (int k = 2; k >= 0; k--) {
      LocalDate d = D.minusDays(k);
      b.row(d, "c1", "app", 3).row(d, "c1", "hotline", 1).row(d, "c2", "wechat", 2);
      b.row(d, "ALL", "app", 3).row(d, "ALL", "hotline", 1).row(d, "ALL", "wechat", 2);
    }
    return b.build();
  }

  static Table participation() {
    TableBuilder b = new TableBuilder("participation", "date:d", "community_id:s", "dimension:s", "value:s",
        "participants_mtd:i", "records_mtd:i", "per_1000:f", "non_gov_share:f");
    b.row(D, "ALL", "ALL", "ALL", 100, 140, 12.5, 0.9);
    b.row(D.minusDays(7), "ALL", "ALL", "ALL", 80, 100, 10.0, 0.9);
    b.row(D, "ALL", "activity_type", "meeting", 60, 80, 7.5, 0.85);
    b.row(D, "ALL", "role", "resident", 90, 120, 11.25, 1.0);
    b.row(D, "c1", "ALL", "ALL", 70, 90, 14.0, 0.95);
    b.row(D, "c1", "activity_type", "meeting", 40, 50, 8.0, 0.9);
    b.row(D, "c2", "ALL", "ALL", 30, 50, null, 0.8);
    return b.build();
  }

  static Table providers() {
    TableBuilder b = new TableBuilder("providers", "provider_type:s", "provider_id:s", "category:s", "volume:i",
        "closed:i", "resolution_p50_h:f", "resolution_p90_h:f", "sla_due:i", "sla_met:i", "sla_compliance:f",
        "csat:f", "feedback_n:i");
    b.row("government", EVIL_PROVIDER, "road", 12, 10, 5.5, 20.0, 8, 7, 0.875, 0.75, 4);
    b.row("social_org", "so-2", "noise", 3, 2, 1.0, 2.0, 2, 2, 1.0, 1.0, 2);
    return b.build();
  }

  static Table scores() {
    TableBuilder b = new TableBuilder("scores", "date:d", "community_id:s", "window:s", "score:f", "best:s",
        "worst:s", "metrics_n:i");
    for (String c : List.of("ALL", "c1", "c2")) {
      for (int k = 13; k >= 1; k--) {
        b.row(D.minusDays(k), c, "day", 0.8 + k * 0.01, "csat", "overdue", 8);
        b.row(D.minusDays(k), c, "week", 0.85, "csat", "overdue", 8);
      }
      b.row(D, c, "day", 0.92, "csat;sla_compliance;overdue", "reopen_rate;feedback_rate;resolution_p90_h", 8);
      b.row(D, c, "week", 1.05, "csat", "overdue", 8);
      // c2's month has too little basis for a score (3 of 8 metrics): the page says so instead of a number.
      b.row(D, c, "month", c.equals("c2") ? null : 0.75, c.equals("c2") ? "" : "csat", c.equals("c2") ? "" : "overdue",
          c.equals("c2") ? 3 : 8);
      b.row(D, c, "quarter", 0.81, "csat", "overdue", 7);
    }
    return b.build();
  }

  static Table worklist() {
    TableBuilder b = new TableBuilder("worklist", "request_id:s", "community_id:s", "category:s", "created_at:s",
        "due_at:s", "age_days:f", "hours_overdue:f", "provider_id:s", "provider_type:s");
    b.row("R-<1>", "c1", "road", "2025-12-28 09:00", "2025-12-30 09:00", 3.6, 38.9, EVIL_PROVIDER, "government");
    b.row("R-2", "c2", "noise", "2025-12-20 10:00", "2025-12-21 10:00", 11.5, 254.0, "so-2", "social_org");
    return b.build();
  }

  static Table hotspots() {
    TableBuilder b = new TableBuilder("hotspots", "community_id:s", "category:s", "last7:i", "prev7:i", "change:i",
        "pct:f", "min_requests:i");
    b.row("c1", "road", 10, 4, 6, 1.5, 1);
    b.row("c2", "road", 1, 0, 1, null, 1);
    b.row("c2", "noise", 2, 2, 0, 0.0, 1);
    return b.build();
  }

  static Table communities() {
    TableBuilder b = new TableBuilder("communities", "community_id:s", "name:s", "name_zh:s", "district:s",
        "street:s", "population:l");
    b.row("c1", "Maple " + EVIL, "枫林" + EVIL, "East", "First street", 5000L);
    b.row("c2", "Harbor", "港湾", "East", "Second street", null);
    return b.build();
  }

  static Table categories() {
    TableBuilder b = new TableBuilder("categories", "category:s", "name_en:s", "name_zh:s", "sla_hours:f");
    b.row("road", "Road " + EVIL_CATEGORY, "道路" + EVIL_CATEGORY, 48.0);
    b.row("noise", "Noise", "噪音", 24.0);
    return b.build();
  }

  /** c1 flagged slower (its name carries the planted markup into a sentence), c2 under the minimum, the city. */
  static Table equity() {
    TableBuilder b = new TableBuilder("equity", "community_id:s", "population:l", "requests:l", "requests_per_1000:f",
        "requests_per_1000_lo:f", "requests_per_1000_hi:f", "closed:l", "open_past_due:l", "open_past_due_share:f",
        "wait_index:f", "wait_index_lo:f", "wait_index_hi:f", "raw_gap:f", "mix_gap:f", "on_time_observed:l",
        "on_time_expected:f", "on_time_ratio:f", "on_time_ratio_lo:f", "on_time_ratio_hi:f", "z:f", "flagged:b",
        "flag_reason:s", "wait_index_p90_p10:f", "theil_requests_per_1000:f", "funnel_center:f", "funnel_sd:f",
        "funnel_tau2:f",
        "window_days:i", "min_closed:l");
    b.row("c1", 5000L, 600L, 120.0, 110.6, 130.0, 412L, 9L, 0.3, 1.38, 1.21, 1.57, 0.45, 0.127, 300L, 330.0, 0.909,
        0.809, 1.018, 4.2, true, "slower", null, null, null, null, null, 90, 50L);
    b.row("c2", null, 40L, null, null, null, 12L, 1L, 0.5, 0.9, 0.55, 1.47, -0.2, -0.095, 8L, 9.5, 0.842, 0.364,
        1.659, null, false, "too_few_closed", null, null, null, null, null, 90, 50L);
    b.row("ALL", null, 640L, null, null, null, 424L, 10L, 0.3125, 1.0, 0.92, 1.09, 0.0, 0.0, 308L, 308.0, 1.0, 0.891,
        1.118, null, false, null, null, 0.02, 0.98, 1.1, 0.0, 90, 50L);
    return b.build();
  }

  static Table equityCategories() {
    TableBuilder b = new TableBuilder("equity_categories", "community_id:s", "category:s", "closed:l", "median_hours:f",
        "city_median_hours:f", "mean_r:f", "location_quotient:f");
    b.row("c1", "road", 300L, 50.5, 36.0, 0.41, 1.2);
    b.row("c1", "noise", 112L, 10.0, 8.0, 0.2, 0.6);
    return b.build();
  }
}
