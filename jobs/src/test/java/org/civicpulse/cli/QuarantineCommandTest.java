package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quarantine export → fix → ingest again; purge deletes and vacuums for good. Real Spark, real Delta files. */
class QuarantineCommandTest {
  static final Path FIX = Path.of("src/test/resources/fixtures/ingest").toAbsolutePath();
  @TempDir Path tmp;

  /** The CLI would otherwise create the JVM's session with production settings (more partitions: slower here). */
  @org.junit.jupiter.api.BeforeAll
  static void sharedSession() {
    org.civicpulse.testing.SharedSpark.get();
  }

  private String run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(CivicPulseCommand.execute(args)).as(String.join(" ", args)).isIn(0, 1);
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void exportedRecordsIngestCleanlyOnceFixedAndPurgeRemovesThem() throws Exception {
    String lake = tmp.resolve("lake").toString();
    run("ingest", "--lake", lake, "--dev-key", "--communities", FIX.resolve("communities.csv").toString(),
        "--categories", FIX.resolve("categories.csv").toString(), "--requests", FIX.resolve("requests-1.csv").toString());

    assertThat(run("quarantine", "list", "--lake", lake)).contains("service_requests,unknown_community,1",
        "service_requests,bad_enum,1", "service_requests,broken_quoting,1");

    Path out = tmp.resolve("export");
    run("quarantine", "export", "--lake", lake, "--out", out.toString());
    List<Path> files;
    try (Stream<Path> s = Files.list(out)) {
      files = s.toList();
    }
    assertThat(files).hasSize(1);
    List<String> lines = Files.readAllLines(files.get(0));
    assertThat(lines).as("header + 14 rejected records, each on one line").hasSize(15);
    assertThat(lines.get(0)).startsWith("request_id,created_at,updated_at,community_id");

    // A person repairs two of them: the unknown community and the channel "fax".
    List<String> fixed = List.of(lines.get(0),
        lines.stream().filter(l -> l.startsWith("R5,")).findFirst().orElseThrow().replace(",C99,", ",C02,"),
        lines.stream().filter(l -> l.startsWith("R6,")).findFirst().orElseThrow().replace(",fax,", ",hotline,"));
    Path repaired = tmp.resolve("requests-repaired.csv");
    Files.write(repaired, fixed);
    assertThat(run("ingest", "--lake", lake, "--dev-key", "--requests", repaired.toString()))
        .contains("ingest dataset=service_requests read=2 inserted=2 updated=0 unchanged=0 quarantined=0");

    assertThat(run("quarantine", "purge", "--older-than", "0d", "--lake", lake)).contains("quarantine purged=14");
    assertThat(run("quarantine", "list", "--lake", lake).strip()).isEqualTo("dataset,reason,records");
    try (Stream<Path> s = Files.walk(tmp.resolve("lake/quarantine"))) {
      assertThat(s.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("_delta_log")).toList()).as("vacuumed: no data file left").isEmpty();
    }
  }
}
