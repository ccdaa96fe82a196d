package org.civicpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.privacy.Pseudonymizer;
import org.civicpulse.schema.Schemas;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingests one real Boston Open311 page (1,000 requests) from ../shared/realdata or $CIVICPULSE_REALDATA; skipped
 * when that folder is absent. The page is copied to a temp dir; nothing real lives in the repository.
 */
class RealDataOpen311Test {
  static final String PAGE = "open311_samples/boston_open311_raw_page__responses--0-1000--aa.json";
  @TempDir Path tmp;

  static Path realData() {
    String env = System.getenv("CIVICPULSE_REALDATA");
    // Tests run in jobs/, so the repo root is "..", and the shared folder sits beside the checkout.
    return env != null && !env.isBlank() ? Path.of(env) : Path.of("../../shared/realdata").toAbsolutePath().normalize();
  }

  @Test
  void bostonOpen311PageCountsReconcile() throws Exception {
    Path page = realData().resolve(PAGE);
    Assumptions.assumeTrue(Files.isReadable(page),
        "real data not found at " + page + " (set CIVICPULSE_REALDATA to the realdata folder); skipping");
    Path in = Files.copy(page, tmp.resolve("requests.json"));
    Path communities = Files.writeString(tmp.resolve("communities.csv"),
        "community_id,name,name_zh,district,street,population,households,area_km2\nall,Boston,,,,,,\n");
    Path categories = Files.writeString(tmp.resolve("categories.csv"),
        "category,name_en,name_zh,sla_hours,default_provider_type\nIllegal Parking,Illegal Parking,,24,government\n");
    Map<String, List<Path>> files = new LinkedHashMap<>();
    files.put(Schemas.COMMUNITIES, List.of(communities));
    files.put(Schemas.CATEGORIES, List.of(categories));
    files.put(Schemas.SERVICE_REQUESTS, List.of(in));
    Lake lake = new Lake(tmp.resolve("lake"));
    List<DatasetCounts> counts = new IngestJob(new DeltaStore(SharedSpark.get()), lake, "America/New_York", Map.of(),
        Pseudonymizer.withKey("test-key"), "real1", m -> { }).open311Requests(true).run(files);
    DatasetCounts c = counts.get(2);
    System.out.println("real-data open311: " + c.summaryLine());
    assertThat(c.read()).isEqualTo(1000); // PROVENANCE.md: each page holds exactly 1,000 records
    assertThat(c.inserted() + c.updated() + c.unchanged() + c.quarantined()).isEqualTo(c.read());
    assertThat(c.inserted()).isPositive();
  }
}
