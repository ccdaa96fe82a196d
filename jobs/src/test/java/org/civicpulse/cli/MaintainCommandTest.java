package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** maintain: a table written in 3 commits keeps its exact rows; old _runs and old dated reports go, the rest stays. */
class MaintainCommandTest {
  @TempDir Path tmp;

  @Test
  void compactsVacuumsAndTrimsWithoutLosingData() throws Exception {
    SparkSession spark = org.civicpulse.testing.SharedSpark.get();
    Path lake = tmp.resolve("lake");
    Path table = lake.resolve("marts").resolve("kpi_daily");
    write(spark, "SELECT id, id * 10 AS v FROM range(0, 6)", table, SaveMode.Overwrite);
    write(spark, "SELECT id, id * 100 AS v FROM range(0, 4)", table, SaveMode.Overwrite);
    write(spark, "SELECT id, id * 100 AS v FROM range(4, 6)", table, SaveMode.Append);
    int filesBefore = spark.read().format("delta").load(table.toString()).inputFiles().length;
    assertThat(filesBefore).isGreaterThan(1);

    Path runs = lake.resolve("_runs");
    Files.createDirectories(runs);
    Path oldRun = Files.writeString(runs.resolve("20200101T000000Z-daily-aaaa1111.json"), "{}");
    String nowStamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
    Path freshRun = Files.writeString(runs.resolve(nowStamp + "-daily-bbbb2222.json"), "{}");
    Path reports = tmp.resolve("reports");
    Path oldReport = Files.createDirectories(reports.resolve("2020-01-01"));
    Files.writeString(oldReport.resolve("index.html"), "old");
    Path freshReport = Files.createDirectories(reports.resolve(LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()));
    Path latest = Files.createDirectories(reports.resolve("latest"));
    Files.writeString(latest.resolve("index.html"), "latest");
    Files.writeString(reports.resolve("index.html"), "archive");

    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = CivicPulseCommand.execute(new String[] {"maintain", "--lake", lake.toString(), "--out", reports.toString()});
    } finally {
      System.setOut(old);
    }
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("maintain tables=1 files_before=" + filesBefore
        + " files_after=1 runs_deleted=1 reports_deleted=1 lake=" + lake.toAbsolutePath().normalize());

    List<Row> rows = spark.read().format("delta").load(table.toString()).orderBy("id").collectAsList();
    assertThat(rows).extracting(Row::toString)
        .containsExactly("[0,0]", "[1,100]", "[2,200]", "[3,300]", "[4,400]", "[5,500]");
    assertThat(spark.read().format("delta").load(table.toString()).inputFiles()).hasSize(1);

    assertThat(oldRun).doesNotExist();
    assertThat(freshRun).exists();
    try (Stream<Path> s = Files.list(runs)) {
      assertThat(s.map(p -> p.getFileName().toString())).anyMatch(n -> n.contains("-maintain-"));
    }
    assertThat(oldReport).doesNotExist();
    assertThat(freshReport).exists();
    assertThat(latest.resolve("index.html")).hasContent("latest");
    assertThat(reports.resolve("index.html")).hasContent("archive");
  }

  @Test
  void refusesRetentionBelowDeltasCheck() {
    assertThat(CivicPulseCommand.execute(new String[] {"maintain", "--lake", tmp.toString(), "--retention-hours", "1"}))
        .isEqualTo(2);
  }

  private static void write(SparkSession spark, String sql, Path table, SaveMode mode) {
    Dataset<Row> df = spark.sql(sql).repartition(3);
    df.write().format("delta").mode(mode).save(table.toString());
  }
}
