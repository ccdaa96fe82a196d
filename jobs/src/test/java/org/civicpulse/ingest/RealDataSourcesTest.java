package org.civicpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feedback and participation adapters on the real files in ../shared/realdata (or $CIVICPULSE_REALDATA), with
 * the shipped reference files conf/cities/{kansascity,pabulib,polis}/; skipped when the folder is absent. Each file
 * is its own ingest run, so read = inserted + updated + unchanged + quarantined is checked per file. Pabulib: per
 * file on a bounded subset (the 4 largest and 4 smallest of 267 files), and once over the whole folder.
 */
class RealDataSourcesTest {
  static final Path CONF = Path.of("../conf/cities");
  @TempDir Path tmp;
  private int runs;

  private static Path folder(String name) {
    Path p = RealDataOpen311Test.realData().resolve(name);
    Assumptions.assumeTrue(Files.isDirectory(p),
        "real data not found at " + p + " (set CIVICPULSE_REALDATA to the realdata folder); skipping");
    return p;
  }

  /** One ingest run; checks the four-way count, that every area is in the reference file, and prints figures. */
  private SourceIngest reconcile(String zone, String city, SourceFormat format, List<Path> files, String label) {
    SourceIngest run = new SourceIngest(tmp.resolve("lake" + runs++), zone, CONF.resolve(city).resolve("communities.csv"),
        format, files);
    DatasetCounts c = run.counts;
    Map<String, Integer> reasons = new TreeMap<>();
    run.reasonsByLine().values().forEach(code -> reasons.merge(code, 1, Integer::sum));
    System.out.println("real-data " + format.optionName() + " " + label + ": " + c.summaryLine() + " reasons=" + reasons);
    assertThat(c.inserted() + c.updated() + c.unchanged() + c.quarantined()).as(label + " reconciles").isEqualTo(c.read());
    assertThat(c.read()).as(label + " has records").isPositive();
    assertThat(reasons).as(label + ": every area is in conf/cities/" + city).doesNotContainKey("unknown_community");
    return run;
  }

  @Test
  void kansasCitySurveyWavesReconcileAndOnlyDontKnowIsSetAside() {
    Path dir = folder("kcmo_resident_survey");
    List<Path> waves = LandingFiles.expand(dir, SourceFormat.KCSURVEY::accepts);
    assertThat(waves).as("the folder's three waves, not its codebook").hasSize(3);
    // PROVENANCE.md: 1,033 / 992 / 984 respondents; q3_10 answered 9 (don't know) by 149 in 1QSEP2021.
    Map<String, Long> respondents = Map.of("1QSEP2021", 1033L, "3QMAR2022", 984L, "RS_2QDEC_2022", 992L);
    for (Path w : waves) {
      String wave = respondents.keySet().stream().filter(k -> w.getFileName().toString().contains(k)).findFirst().orElseThrow();
      SourceIngest run = reconcile("America/Chicago", "kansascity", SourceFormat.KCSURVEY, List.of(w), wave);
      assertThat(run.counts.read()).as(wave + " respondents").isEqualTo(respondents.get(wave));
      if (wave.equals("1QSEP2021")) {
        assertThat(run.counts.quarantined()).as("the 149 don't-know answers").isEqualTo(149);
        assertThat(run.counts.inserted()).isEqualTo(1033 - 149);
      }
    }
  }

  @Test
  void polisCommentAndVoteFilesReconcileOneByOne() {
    Path dir = folder("polis_municipal_consultations");
    List<Path> files = LandingFiles.expand(dir, SourceFormat.POLIS::accepts);
    assertThat(files).as("10 comments.json + 4 votes.json (INDEX.csv lists votes for 4 conversations)").hasSize(14);
    long read = 0;
    for (Path f : files) {
      read += reconcile("UTC", "polis", SourceFormat.POLIS, List.of(f), dir.relativize(f).toString()).counts.read();
    }
    // INDEX.csv: 4,613 comments and 50,542 votes.
    assertThat(read).isEqualTo(4613 + 50542);
  }

  @Test
  void pabulibBoundedSubsetPerFileAndWholeFolderReconcile() throws Exception {
    Path dir = folder("pabulib_pb");
    List<Path> all = LandingFiles.expand(dir, SourceFormat.PABULIB::accepts);
    assertThat(all).hasSize(267);
    List<Path> bySize = new ArrayList<>(all);
    bySize.sort(Comparator.comparingLong(RealDataSourcesTest::size));
    List<Path> subset = new ArrayList<>(bySize.subList(0, 4));
    subset.addAll(bySize.subList(bySize.size() - 4, bySize.size()));
    for (Path f : subset) {
      reconcile("UTC", "pabulib", SourceFormat.PABULIB, List.of(f), f.getFileName().toString());
    }
    SourceIngest whole = reconcile("UTC", "pabulib", SourceFormat.PABULIB, all, "all 267 files");
    assertThat(whole.counts.read()).as("vote rows listed in INDEX_pb_files.csv").isEqualTo(421148);
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
