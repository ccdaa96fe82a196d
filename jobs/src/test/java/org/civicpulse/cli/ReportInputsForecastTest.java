package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.report.ForecastData;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report reads the forecast marts of the newest as_of_week at or before the report date's ISO week. */
class ReportInputsForecastTest {
  @TempDir Path tmp;

  @Test
  void isoWeekSpellsTheWeekBasedYear() {
    assertThat(ReportInputs.isoWeek(LocalDate.of(2025, 12, 31))).isEqualTo("2026-W01");
    assertThat(ReportInputs.isoWeek(LocalDate.of(2025, 12, 28))).isEqualTo("2025-W52");
    assertThat(ReportInputs.isoWeek(LocalDate.of(2021, 1, 3))).isEqualTo("2020-W53");
  }

  @Test
  void picksTheNewestWeekNotAfterTheReportDateAndLeavesAbsentTablesEmpty() {
    SparkSession spark = SharedSpark.get();
    Lake lake = new Lake(tmp.resolve("lake"));
    DeltaStore store = new DeltaStore(spark);
    ReportInputs inputs = new ReportInputs(lake, ZoneId.of("UTC"));
    assertThat(inputs.loadForecast(LocalDate.of(2025, 12, 31))).isNull();

    store.overwrite(spark.sql("SELECT * FROM VALUES "
        + "('2025-W50','area','ALL','ALL','2025-W51',DATE'2025-12-15',1,'chosen',10.0D,8.0D,12.0D,6.0D,14.0D),"
        + "('2025-W52','area','ALL','ALL','2026-W01',DATE'2025-12-29',1,'chosen',11.0D,9.0D,13.0D,7.0D,15.0D),"
        + "('2025-W52','area','ALL','ALL','2026-W01',DATE'2025-12-29',1,'snaive',9.0D,NULL,NULL,NULL,NULL),"
        + "('2026-W02','area','ALL','ALL','2026-W03',DATE'2026-01-12',1,'chosen',12.0D,9.0D,13.0D,7.0D,15.0D) "
        + "AS t(as_of_week, level, community_id, category, week, week_start, horizon, model, forecast, lo80, hi80, "
        + "lo95, hi95)"), lake.mart("forecasts"), null);
    store.overwrite(spark.sql("SELECT * FROM VALUES "
        + "('2025-W50','area','ALL','ALL','snaive',4,1.0D,0.1D,NULL,NULL),"
        + "('2025-W52','area','ALL','ALL','chosen',4,CAST(NULL AS DOUBLE),0.1D,0.8D,0.9D) "
        + "AS t(as_of_week, level, community_id, category, model, origins, mase, smape, coverage80, coverage95)"),
        lake.mart("forecast_accuracy"), null);

    ForecastData f = inputs.loadForecast(LocalDate.of(2025, 12, 31)); // ISO week 2026-W01
    assertThat(f).isNotNull();
    assertThat(f.asOfWeek()).isEqualTo("2025-W52");
    assertThat(f.forecasts().rowCount()).isEqualTo(2);
    assertThat(f.forecasts().dateColumn("week_start").get(0)).isEqualTo(LocalDate.of(2025, 12, 29));
    assertThat(f.accuracy().rowCount()).isEqualTo(1);
    assertThat(f.accuracy().column("mase").isMissing(0)).isTrue();
    assertThat(f.weeklyDemand().rowCount()).isZero();
    assertThat(f.risers().rowCount()).isZero();
    assertThat(inputs.loadForecast(LocalDate.of(2025, 12, 1))).isNull(); // 2025-W49: before every week
    assertThat(inputs.loadForecast(LocalDate.of(2026, 1, 20)).asOfWeek()).isEqualTo("2026-W02");
  }
}
