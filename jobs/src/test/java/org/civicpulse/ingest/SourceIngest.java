package org.civicpulse.ingest;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.privacy.Pseudonymizer;
import org.civicpulse.schema.Reasons;
import org.civicpulse.schema.Schemas;
import org.civicpulse.testing.SharedSpark;

/** Test helper: runs an ingest of one source format into a fresh lake and reads back its quarantine. */
final class SourceIngest {
  static final String KEY = "test-key";

  final Lake lake;
  final DeltaStore store = new DeltaStore(SharedSpark.get());
  final DatasetCounts counts;

  /** Ingests communities, then the source's files through its adapter, in the given zone. */
  SourceIngest(Path lakeDir, String zone, Path communities, SourceFormat format, List<Path> files) {
    lake = new Lake(lakeDir);
    Map<String, List<Path>> in = new LinkedHashMap<>();
    in.put(Schemas.COMMUNITIES, List.of(communities.toAbsolutePath()));
    in.put(format.dataset(), files.stream().map(Path::toAbsolutePath).toList());
    List<DatasetCounts> all = new IngestJob(store, lake, zone, Map.of(), Pseudonymizer.withKey(KEY), "run1", m -> { })
        .adapter(format.dataset(), format).run(in);
    counts = all.get(1);
  }

  /** "file:line" → first reason code of every quarantined record of the dataset. */
  Map<String, String> reasonsByLine() {
    Map<String, String> out = new TreeMap<>();
    if (counts.quarantined() == 0) {
      return out; // no quarantine table yet
    }
    for (Row r : store.read(lake.quarantine(), null).filter("dataset = '" + counts.dataset() + "'").collectAsList()) {
      String file = Path.of((String) r.getAs("source")).getFileName().toString();
      out.put(file + ":" + r.getAs("line"), Reasons.code(r.<String>getList(r.fieldIndex("reasons")).get(0)));
    }
    return out;
  }

  /** The curated rows of the dataset, by id. */
  Map<String, Row> curated(String idColumn) {
    Map<String, Row> out = new TreeMap<>();
    store.read(lake.curated(counts.dataset()), null).collectAsList().forEach(r -> out.put(r.getAs(idColumn), r));
    return out;
  }

  static String residentKey(String residentId) {
    return Pseudonymizer.withKey(KEY).residentKey(residentId, null);
  }

  /** Every record an adapter yields for a text, header first. */
  static List<RawRecord> records(LandingAdapter adapter, String text) {
    List<RawRecord> out = new ArrayList<>();
    adapter.records(new BufferedReader(new StringReader(text))).forEachRemaining(out::add);
    return out;
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
