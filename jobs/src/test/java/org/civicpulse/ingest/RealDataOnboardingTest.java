package org.civicpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steps 1–3 of docs/real-data.md "Onboard a new city" on the real Los Angeles 2020 export, pinning the figures the
 * how-to quotes (the draft used as written). Skipped, with a message, where the realdata folder is absent.
 */
class RealDataOnboardingTest {
  @TempDir Path tmp;

  @Test
  void theHowTosFiguresOnLosAngeles2020() throws IOException {
    Path export = RealDataOpen311Test.realData().resolve("la311_samples/myla311_2020_first10000.csv");
    Assumptions.assumeTrue(Files.isRegularFile(export),
        "real data not found at " + export + " (set CIVICPULSE_REALDATA to the realdata folder); skipping");
    String draft = new MappingDraft(ExportSample.read(export, 10_000), "America/Los_Angeles").render();
    assertThat(draft).contains("column.request_id=srnumber\n").contains("column.community_id=cd\n")
        .contains("parses 29951 of 29951 sampled values\ntime_format=yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS][.SS][.S]\n")
        .contains("# 'Closed': 9723 rows, guessed\nstatus.Closed=closed\n# 'Cancelled': 244 rows, guessed\n")
        .contains("# 'Council's Office': 2 rows, NO GUESS");
    Path mapping = tmp.resolve("la2020.properties");
    Files.writeString(mapping, draft, StandardCharsets.UTF_8);
    City311Mapping m = City311Mapping.load(mapping);
    MappingCheck.Result r = MappingCheck.run(m, List.of(export), null, null);
    assertThat(r.read()).isEqualTo(10_000);
    assertThat(r.valid()).isEqualTo(9_980);
    assertThat(r.noArea()).isEqualTo(11);
    assertThat(r.reasons()).containsExactlyInAnyOrderEntriesOf(
        java.util.Map.of("closed_without_closed_at", 18L, "open_with_closed_at", 2L));
    assertThat(ReferenceInference.infer(m, List.of(export), tmp.resolve("ref")))
        .extracting(ReferenceInference.Outcome::added).containsExactly(16, 11);
  }
}
