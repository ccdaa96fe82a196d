package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.civicpulse.lake.Lake;
import org.civicpulse.schema.Marts;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dashboard and forecast joined by '//' run at the same time on one lake (one shared lock, a Spark session each)
 * and write exactly what they write one after the other.
 */
class SideBySideChainTest {
  @TempDir Path tmp;

  @Test
  void dashboardBesideForecastWritesTheMartsTheyWriteOneAfterTheOther() throws Exception {
    Lake serial = new Lake(tmp.resolve("lake-serial"));
    Lake beside = new Lake(tmp.resolve("lake-beside"));
    TestLakes.ingested(tmp, serial, 1500, 3, "2024-01-01", "2025-06-30", 5);
    LocalClusterIT.copyTree(serial.root(), beside.root());

    assertThat(CivicPulseCommand.execute(steps(serial, "+"))).as("one after the other").isZero();
    assertThat(CivicPulseCommand.execute(steps(beside, CivicPulseCommand.BESIDE))).as("side by side").isZero();

    List<String> marts = new ArrayList<>(Marts.DAILY);
    marts.addAll(Marts.FORECAST);
    TestLakes.assertSameMarts(serial, beside, marts);
    assertThat(SharedSpark.get().read().format("delta").load(beside.mart(Marts.FORECASTS).toString()).count())
        .as("the forecast wrote forecasts").isPositive();
    assertThat(Files.exists(beside.lockFile())).as("the shared lock is released").isFalse();

    JsonNode dashboard = lastRun(beside, "dashboard");
    JsonNode forecast = lastRun(beside, "forecast");
    assertThat(dashboard.get("status").asText()).isEqualTo("success");
    assertThat(forecast.get("status").asText()).isEqualTo("success");
    assertThat(Instant.parse(forecast.get("start").asText())).as("the forecast began before the dashboard ended")
        .isBefore(Instant.parse(dashboard.get("end").asText()));
  }

  private static String[] steps(Lake lake, String join) {
    String l = lake.root().toString();
    Path config = lake.root().resolveSibling("civicpulse.properties");
    return new String[] {"dashboard", "--date", "2025-06-30", "--lake", l, "--config", config.toString(), join,
        "forecast", "--lake", l, "--config", config.toString(), "--as-of", "2025-W26", "--horizon", "13", "--origins", "2"};
  }

  private static JsonNode lastRun(Lake lake, String command) throws Exception {
    try (Stream<Path> s = Files.list(lake.runs())) {
      Path file = s.filter(p -> p.getFileName().toString().contains("-" + command + "-")).sorted()
          .reduce((x, y) -> y).orElseThrow();
      return new ObjectMapper().readTree(file.toFile());
    }
  }
}
