package org.civicpulse.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.civicpulse.schema.TableSchema;

/**
 * Reads landing files in file order with the same readers as ingest (CSV or JSON Lines, gzip, BOM), without
 * Spark: replay only needs the text values, and validation is the receiving stream's job.
 */
public final class LandingRows {
  private LandingRows() {}

  public static List<LandingRow> read(List<Path> files, TableSchema schema) {
    List<LandingRow> out = new ArrayList<>();
    for (Path f : files) {
      String name = f.toString();
      try (InputStream in = LandingFiles.open(Files.newInputStream(f), name);
           BufferedReader r = LandingFiles.reader(in)) {
        Iterator<RawRecord> records = LandingFiles.isJsonLines(name)
            ? new JsonLinesRecordReader(r, schema.landingFieldNames()) : new CsvRecordReader(r);
        if (!records.hasNext()) {
          continue;
        }
        List<String> header = records.next().fields();
        while (records.hasNext()) {
          out.add(row(records.next(), header, name));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f, e);
      }
    }
    return out;
  }

  private static LandingRow row(RawRecord rec, List<String> header, String source) {
    if (rec.fields() == null || !rec.structuralReasons().isEmpty() || rec.fields().size() != header.size()) {
      return new LandingRow(source, rec.line(), rec.raw(), null);
    }
    Map<String, String> byName = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      byName.put(header.get(i), rec.fields().get(i));
    }
    return new LandingRow(source, rec.line(), rec.raw(), byName);
  }
}
