package org.civicpulse.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.civicpulse.forecast.models.IsoWeek;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forecast --series}: columns and row set of docs/forecast.md on a tiny hand-checked input. */
class SeriesCsvForecastTest {
  @TempDir
  Path dir;

  /**
   * 56 weeks from 2020-W01 (2020 has a W53). Series a: y_t = t for t < 52, then 60, 50, 70, 40. Series b:
   * constant 5. One origin, horizon 2: the origin is position 53 (2021-W01), actuals 70 and 40.
   */
  private Path input() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("iso_week,a,b");
    double[] tail = {60, 50, 70, 40};
    IsoWeek start = IsoWeek.parse("2020-W01");
    for (int t = 0; t < 56; t++) {
      double a = t < 52 ? t : tail[t - 52];
      lines.add(start.plusWeeks(t) + "," + (int) a + ",5");
    }
    Path f = dir.resolve("series.csv");
    Files.write(f, lines);
    return f;
  }

  @Test
  void holidayWeeksOfTheChosenTableReachTheModels() throws IOException {
    // 2021-W01 … 2024-W39 at 100 a week, 40 in every US holiday week (weekday holidays). Thanksgiving fell in
    // W47 in 2021–2023 but falls in W48 in 2024 (28 Nov), so only the table can put the 2024 dip in W48:
    // lag 52 and the yearly terms point at W47. Without the table the models must miss it.
    java.util.Set<IsoWeek> us = HolidayWeeks.forCountry("US");
    List<String> lines = new ArrayList<>();
    lines.add("iso_week,x");
    for (IsoWeek w = IsoWeek.parse("2021-W01"); w.compareTo(IsoWeek.parse("2024-W39")) <= 0; w = w.plusWeeks(1)) {
      lines.add(w + "," + (us.contains(w) ? 40 : 100));
    }
    Path f = dir.resolve("holidays.csv");
    Files.write(f, lines);
    assertThat(us).contains(IsoWeek.parse("2023-W47"), IsoWeek.parse("2024-W48")).doesNotContain(IsoWeek.parse("2024-W47"));
    BacktestSpec spec = BacktestSpec.of(1, 13, 13);
    for (String model : List.of("fourier_arima", "gbm")) {
      java.util.Map<String, Double> with = forecastByWeek(SeriesCsvForecast.run(f, dir.resolve("us"), spec, us, false, s -> {}),
          model);
      assertThat(with.get("2024-W48")).as(model).isLessThan(60);
      assertThat(with.get("2024-W47")).as(model).isGreaterThan(90);
      java.util.Map<String, Double> without = forecastByWeek(SeriesCsvForecast.run(f, dir.resolve("none"), spec, s -> {}),
          model);
      assertThat(without.get("2024-W48")).as(model).isGreaterThan(60);
    }
  }

  private static java.util.Map<String, Double> forecastByWeek(SeriesForecastResult r, String model) {
    java.util.Map<String, Double> out = new java.util.HashMap<>();
    r.forecasts().stream().filter(x -> x.model().equals(model)).forEach(x -> out.put(x.week().toString(), x.forecast()));
    return out;
  }

  @Test
  void writesTheAccuracyAndForecastFilesOfDesignSection5() throws IOException {
    List<String> progress = new ArrayList<>();
    SeriesForecastResult r = SeriesCsvForecast.run(input(), dir.resolve("out"), BacktestSpec.of(1, 1, 2), progress::add);

    List<String> acc = Files.readAllLines(r.accuracyCsv());
    assertThat(acc.get(0)).isEqualTo("series,model,origins,mase,smape,coverage80,coverage95");
    List<String> models = List.of("snaive", "ets", "fourier_arima", "croston", "tsb", "gbm", "combo", "chosen");
    List<String> keys = acc.subList(1, acc.size()).stream().map(l -> l.split(",")[0] + "/" + l.split(",")[1]).toList();
    List<String> expected = new ArrayList<>();
    for (String s : List.of("a", "b", "ALL")) {
      models.forEach(m -> expected.add(s + "/" + m));
    }
    assertThat(keys).containsExactlyElementsOf(expected);

    // snaive for a: scale = mean(|60 − 0|, |50 − 1|) = 54.5 over training weeks 52..53; forecasts y_2 = 2,
    // y_3 = 3 against 70, 40: MAE = (68 + 37) / 2 = 52.5 → MASE 52.5 / 54.5 = 0.9633;
    // sMAPE = (200·68/72 + 200·37/43) / 2 = 180.4910.
    assertThat(acc.stream().filter(l -> l.startsWith("a,snaive,")).findFirst().orElseThrow())
        .startsWith("a,snaive,1,0.9633,180.4910,");
    // b has scale 0: no MASE, a warning naming it; its sMAPE of a perfect forecast is 0.
    assertThat(acc.stream().filter(l -> l.startsWith("b,snaive,")).findFirst().orElseThrow())
        .startsWith("b,snaive,1,,0.0000,");
    assertThat(r.warnings()).filteredOn(w -> w.contains("series b")).singleElement().asString()
        .matches("series b: MASE scale is 0 at origin \\d{4}-W\\d{2}; left out of MASE means");
    // ALL sMAPE = mean over series × origins = (180.4910 + 0) / 2.
    assertThat(acc.stream().filter(l -> l.startsWith("ALL,snaive,")).findFirst().orElseThrow())
        .startsWith("ALL,snaive,2,0.9633,90.2455,");

    List<String> fc = Files.readAllLines(r.forecastsCsv());
    assertThat(fc.get(0)).isEqualTo("series,as_of_week,week,horizon,model,forecast,lo80,hi80,lo95,hi95");
    assertThat(fc).hasSize(1 + 2 * models.size() * 2);
    // Final as-of is the last week, 2021-W03 (2020 has 53 weeks); snaive repeats positions 4 and 5 (values 4 and 5).
    assertThat(fc.stream().filter(l -> l.startsWith("b,2021-W03,2021-W05,2,chosen,")).findFirst().orElseThrow())
        .startsWith("b,2021-W03,2021-W05,2,chosen,5.0000,");
    assertThat(fc.stream().filter(l -> l.startsWith("a,2021-W03,2021-W04,1,snaive,")).findFirst().orElseThrow())
        .startsWith("a,2021-W03,2021-W04,1,snaive,4.0000,");
    for (String line : fc.subList(1, fc.size())) {
      String[] c = line.split(",");
      double f = Double.parseDouble(c[5]);
      assertThat(Double.parseDouble(c[6])).isLessThanOrEqualTo(f);
      assertThat(Double.parseDouble(c[7])).isGreaterThanOrEqualTo(f);
      assertThat(Double.parseDouble(c[8])).isLessThanOrEqualTo(Double.parseDouble(c[6]));
      assertThat(Double.parseDouble(c[9])).isGreaterThanOrEqualTo(Double.parseDouble(c[7]));
    }
  }

  @Test
  void aBadCellIsAnErrorNamingItsLine() throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.write(f, List.of("iso_week,a", "2020-W01,1", "2020-W02,x"));
    assertThatThrownBy(() -> SeriesCsvForecast.run(f, dir.resolve("o"), BacktestSpec.of(1, 1, 2), s -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3");
  }

  @Test
  void repeatedSeriesNamesAreAnError() throws IOException {
    Path f = dir.resolve("dup.csv");
    Files.write(f, List.of("iso_week,a,a", "2020-W01,1,2"));
    assertThatThrownBy(() -> SeriesCsvForecast.run(f, dir.resolve("o"), BacktestSpec.of(1, 1, 2), s -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct");
  }
}
