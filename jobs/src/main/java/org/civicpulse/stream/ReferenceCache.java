package org.civicpulse.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.civicpulse.curate.ReferenceContext;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.privacy.Pseudonymizer;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.ValidationContext;

/**
 * The validation context of a stream, kept between batches: loading it reads two reference tables (three Spark
 * jobs and two Delta snapshots, seconds on a small machine), while they change rarely. It is loaded again when
 * either table's Delta log has a new commit — checked by listing the log folder, no Spark job — so a batch
 * command that adds a community is seen by the next batch, as before.
 */
final class ReferenceCache {
  private static final List<String> TABLES = List.of(Schemas.COMMUNITIES, Schemas.CATEGORIES);

  private final Lake lake;
  private final String zone;
  private final Map<String, Double> slaOverrides;
  private final Pseudonymizer pseudonymizer;
  private List<Long> versions;
  private ValidationContext ctx;

  ReferenceCache(Lake lake, String zone, Map<String, Double> slaOverrides, Pseudonymizer pseudonymizer) {
    this.lake = lake;
    this.zone = zone;
    this.slaOverrides = slaOverrides;
    this.pseudonymizer = pseudonymizer;
  }

  /** The context as the reference tables hold it now. */
  synchronized ValidationContext get(DeltaStore store) {
    // Versions first, then the load: a commit in between makes the next batch load again (never a stale context).
    List<Long> now = TABLES.stream().map(t -> logVersion(lake.curated(t))).toList();
    if (ctx == null || !now.equals(versions)) {
      ctx = ReferenceContext.load(store, lake, zone, slaOverrides, pseudonymizer);
      versions = now;
    }
    return ctx;
  }

  /** The newest commit number in a table's Delta log (its `N.json` files), -1 when there is no table yet. */
  static long logVersion(Path table) {
    Path log = table.resolve("_delta_log");
    if (!Files.isDirectory(log)) {
      return -1;
    }
    try (Stream<Path> files = Files.list(log)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("\\d+\\.json"))
          .mapToLong(n -> Long.parseLong(n.substring(0, n.length() - ".json".length())))
          .max().orElse(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
