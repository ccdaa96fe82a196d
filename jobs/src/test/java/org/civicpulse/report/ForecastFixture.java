package org.civicpulse.report;

import java.time.LocalDate;
import tech.tablesaw.api.Table;

/**
 * Hand-built forecast marts (docs/forecast.md) as of 2025-W52 for ReportFixture's communities c1, c2 and
 * categories road, noise: 4 weeks of history, 3 forecast weeks. Values are picked so the tests can pin
 * the accuracy means, the service-point order, the capacity crossing week and the risers by hand.
 */
final class ForecastFixture {
  static final String AS_OF = "2025-W52";
  static final LocalDate W49 = LocalDate.of(2025, 12, 1);
  /** Forecast weeks 2026-W01..W03 start on these Mondays. */
  static final LocalDate F1 = LocalDate.of(2025, 12, 29);

  private ForecastFixture() {}

  static ForecastData data() {
    return new ForecastData(AS_OF, weeklyDemand(), forecasts(), accuracy(), servicePoints(), capacity(), risers());
  }

  private static String[] series(int k) {
    return new String[][] {{"area", "ALL", "ALL"}, {"community", "c1", "ALL"}, {"community", "c2", "ALL"},
        {"category", "ALL", "road"}, {"category", "ALL", "noise"}, {"cell", "c1", "road"}}[k];
  }

  static Table weeklyDemand() {
    TableBuilder b = new TableBuilder("weekly_demand", "as_of_week:s", "level:s", "community_id:s", "category:s",
        "week:s", "week_start:d", "requests:l");
    long[] base = {20, 12, 8, 14, 6, 9};
    for (int k = 0; k < 6; k++) {
      String[] s = series(k);
      for (int w = 0; w < 4; w++) {
        b.row(AS_OF, s[0], s[1], s[2], "2025-W" + (49 + w), W49.plusWeeks(w), base[k] + w);
      }
    }
    return b.build();
  }

  static Table forecasts() {
    TableBuilder b = new TableBuilder("forecasts", "as_of_week:s", "level:s", "community_id:s", "category:s",
        "week:s", "week_start:d", "horizon:i", "model:s", "forecast:f", "lo80:f", "hi80:f", "lo95:f", "hi95:f");
    for (int k = 0; k < 6; k++) {
      String[] s = series(k);
      for (int h = 1; h <= 3; h++) {
        double f = 10.0 + k + h;
        b.row(AS_OF, s[0], s[1], s[2], "2026-W0" + h, F1.plusWeeks(h - 1L), h, "chosen", f, f - 2, f + 2, f - 4,
            f + 4);
        b.row(AS_OF, s[0], s[1], s[2], "2026-W0" + h, F1.plusWeeks(h - 1L), h, "snaive", f - 1, null, null, null,
            null);
      }
    }
    return b.build();
  }

  /**
   * area: chosen 0.6 vs snaive 1.2 (ratio 0.50); community: chosen (0.8+1.0)/2 = 0.900 vs snaive
   * (1.0+1.4)/2 = 1.200, ratio 0.75, coverage80 (0.7+0.9)/2 = 80.0 %, coverage95 (0.9+1.0)/2 = 95.0 %;
   * category: noise has scale 0 (null MASE) so only road counts: 0.500 vs 1.000, coverage80 75.0 %.
   */
  static Table accuracy() {
    TableBuilder b = new TableBuilder("forecast_accuracy", "as_of_week:s", "level:s", "community_id:s",
        "category:s", "model:s", "origins:i", "mase:f", "smape:f", "coverage80:f", "coverage95:f");
    b.row(AS_OF, "area", "ALL", "ALL", "chosen", 8, 0.6, 0.1, 0.8, 1.0);
    b.row(AS_OF, "area", "ALL", "ALL", "snaive", 8, 1.2, 0.2, null, null);
    b.row(AS_OF, "area", "ALL", "ALL", "ets", 8, 0.1, 0.2, 0.5, 0.5);
    b.row(AS_OF, "community", "c1", "ALL", "chosen", 8, 0.8, 0.1, 0.7, 0.9);
    b.row(AS_OF, "community", "c2", "ALL", "chosen", 8, 1.0, 0.1, 0.9, 1.0);
    b.row(AS_OF, "community", "c1", "ALL", "snaive", 8, 1.0, 0.1, null, null);
    b.row(AS_OF, "community", "c2", "ALL", "snaive", 8, 1.4, 0.1, null, null);
    b.row(AS_OF, "category", "ALL", "road", "chosen", 8, 0.5, 0.1, 0.75, 0.9);
    b.row(AS_OF, "category", "ALL", "noise", "chosen", 8, null, 0.0, 0.0, 0.0);
    b.row(AS_OF, "category", "ALL", "road", "snaive", 8, 1.0, 0.1, null, null);
    b.row(AS_OF, "category", "ALL", "noise", "snaive", 8, null, 0.0, null, null);
    return b.build();
  }

  static Table servicePoints() {
    TableBuilder b = new TableBuilder("service_points", "as_of_week:s", "community_id:s", "category:s",
        "weeks_above:i", "min_forecast_13w:f", "mean_forecast_13w:f", "threshold:f");
    b.row(AS_OF, "c2", "noise", 9, 3.0, 4.5, 4.0);
    b.row(AS_OF, "c1", "road", 11, 5.0, 7.5, 4.0);
    return b.build();
  }

  /** c1 crosses its threshold 15 in 2026-W02 (backlog 14, 16, 18); c2 stays under 20. */
  static Table capacity() {
    TableBuilder b = new TableBuilder("capacity", "as_of_week:s", "community_id:s", "week:s", "week_start:d",
        "intake_forecast:f", "closures_per_week:f", "projected_backlog:f", "threshold:f", "crossing_week:s");
    for (int h = 1; h <= 3; h++) {
      b.row(AS_OF, "c1", "2026-W0" + h, F1.plusWeeks(h - 1L), 10.0, 8.0, 12.0 + 2 * h, 15.0, "2026-W02");
      b.row(AS_OF, "c2", "2026-W0" + h, F1.plusWeeks(h - 1L), 3.0, 4.0, 6.0 - h, 20.0, null);
    }
    return b.build();
  }

  /**
   * Risers: c1 (+30, +50 %), road (+5, +10 %); fallers: c2/noise cell (-12, no last year so no %), noise (-3,
   * -10 %). change_pct is a percentage, 100 · change / same_13w_last_year, as the forecast stage writes it.
   */
  static Table risers() {
    TableBuilder b = new TableBuilder("risers", "as_of_week:s", "level:s", "community_id:s", "category:s",
        "next_13w:f", "same_13w_last_year:f", "change:f", "change_pct:f");
    b.row(AS_OF, "area", "ALL", "ALL", 300.0, 200.0, 100.0, 50.0);
    b.row(AS_OF, "community", "c1", "ALL", 90.0, 60.0, 30.0, 50.0);
    b.row(AS_OF, "category", "ALL", "road", 55.0, 50.0, 5.0, 10.0);
    b.row(AS_OF, "cell", "c2", "noise", 12.0, 0.0, -12.0, null);
    b.row(AS_OF, "category", "ALL", "noise", 27.0, 30.0, -3.0, -10.0);
    return b.build();
  }
}
