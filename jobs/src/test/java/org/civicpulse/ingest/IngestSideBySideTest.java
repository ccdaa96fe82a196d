package org.civicpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.privacy.Pseudonymizer;
import org.civicpulse.schema.Schemas;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which loads ingest feedback and participation beside service_requests: fact files of 256 MiB at most in all. */
class IngestSideBySideTest {
  @TempDir Path tmp;

  private Path file(String name, long bytes) throws IOException {
    Path p = tmp.resolve(name);
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.setLength(bytes); // sparse: the size is what counts, not the disk it takes
    }
    return p;
  }

  @Test
  void theFactFilesTogetherDecide() throws IOException {
    long half = 128L << 20;
    Path requests = file("requests.csv", half);
    Path feedback = file("feedback.csv", half);
    Path participation = file("participation.csv", 1);
    Path communities = file("communities.csv", 1L << 30);
    assertThat(IngestJob.sideBySide(Map.of(Schemas.SERVICE_REQUESTS, List.of(requests), Schemas.FEEDBACK, List.of(feedback))))
        .as("2 × 128 MiB = exactly 256 MiB").isTrue();
    assertThat(IngestJob.sideBySide(Map.of(Schemas.SERVICE_REQUESTS, List.of(requests), Schemas.FEEDBACK, List.of(feedback),
        Schemas.PARTICIPATION, List.of(participation)))).as("one byte more").isFalse();
    assertThat(IngestJob.sideBySide(Map.of(Schemas.SERVICE_REQUESTS, List.of(participation),
        Schemas.COMMUNITIES, List.of(communities)))).as("reference files do not count").isTrue();
    assertThat(IngestJob.sideBySide(Map.of(Schemas.FEEDBACK, List.of(tmp.resolve("gone.csv")))))
        .as("a size that cannot be read: one at a time").isFalse();
  }

  @Test
  void theSecondThreadUsesThisSessionsZone() {
    // P1's meeting is 2024-01-05 19:00 in Asia/Shanghai, 11:00 UTC: already 2024-01-06 in Pacific/Kiritimati
    // (UTC+14). A session set to that zone after start must date it so on the second thread too.
    SparkSession spark = SharedSpark.get();
    String zone = spark.conf().get("spark.sql.session.timeZone");
    Path fix = Path.of("src/test/resources/fixtures/ingest").toAbsolutePath();
    try {
      spark.conf().set("spark.sql.session.timeZone", "Pacific/Kiritimati");
      IngestJob job = new IngestJob(new DeltaStore(spark), new Lake(tmp.resolve("lake")), "Asia/Shanghai", Map.of(),
          Pseudonymizer.withKey("test-key"), "run1", m -> { });
      job.run(Map.of(Schemas.COMMUNITIES, List.of(fix.resolve("communities.csv")),
          Schemas.PARTICIPATION, List.of(fix.resolve("participation.csv"))));
      assertThat(job.firstTouched()).as("P1 dated in the session's zone").isEqualTo(java.time.LocalDate.of(2024, 1, 6));
    } finally {
      spark.conf().set("spark.sql.session.timeZone", zone);
    }
  }
}
