package org.civicpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ingest and replay say of each file under the folders they are given: taken, or skipped and why. */
class LandingFilesTest {
  @TempDir Path tmp;

  @Test
  void aLandingFolderReportsEveryFileTakenAndSkipped() throws Exception {
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    for (String f : List.of("requests-2025.csv", "communities.csv", "notes.txt", "survey-2025.csv")) {
      Files.writeString(landing.resolve(f), "x\n");
    }
    Path requests = landing.resolve("requests-2025.csv").toAbsolutePath().normalize();
    Path communities = landing.resolve("communities.csv").toAbsolutePath().normalize();
    Map<String, List<Path>> taken = Map.of("service_requests", List.of(requests), "communities", List.of(communities));

    List<LandingFiles.Skipped> skipped = LandingFiles.skipped(java.util.Arrays.asList(landing, null), taken);
    Path root = landing.toAbsolutePath().normalize();
    assertThat(skipped).containsExactly(
        new LandingFiles.Skipped(root.resolve("notes.txt"), "not a landing file (.csv, .json, .jsonl, optionally .gz)"),
        new LandingFiles.Skipped(root.resolve("survey-2025.csv"),
            "its name matches no dataset (requests*, feedback*, participation*, communities*, categories*)"));

    List<String> lines = new ArrayList<>();
    LandingFiles.report(new java.util.TreeMap<>(taken), skipped, lines::add);
    assertThat(lines).containsExactly("took " + communities + " (communities)", "took " + requests + " (service_requests)",
        "skipped " + root.resolve("notes.txt") + ": not a landing file (.csv, .json, .jsonl, optionally .gz)",
        "skipped " + root.resolve("survey-2025.csv")
            + ": its name matches no dataset (requests*, feedback*, participation*, communities*, categories*)");
  }

  @Test
  void aFileGivenDirectlyIsNeverReportedSkipped() throws Exception {
    Path file = Files.writeString(tmp.resolve("anything.txt"), "x\n");
    assertThat(LandingFiles.skipped(List.of(file), Map.of())).isEmpty();
  }
}
