package org.civicpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.civicpulse.schema.Schemas;
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
}
