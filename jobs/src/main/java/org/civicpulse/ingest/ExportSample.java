package org.civicpulse.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The header and the first rows of a city's CSV export: what `mapping init` looks at. */
public record ExportSample(Path file, List<String> header, List<List<String>> rows, boolean wholeFile) {

  /** Reads the header and up to maxRows well-formed rows (broken rows are skipped: ingest quarantines them). */
  public static ExportSample read(Path file, int maxRows) {
    if (!Files.isRegularFile(file)) {
      throw new InputException("no such file: " + file);
    }
    try (BufferedReader in = LandingFiles.reader(file)) {
      CsvRecordReader csv = new CsvRecordReader(in);
      if (!csv.hasNext()) {
        throw new InputException(file + " is empty: a city export starts with a header row");
      }
      RawRecord h = csv.next();
      if (h.fields() == null || h.fields().size() < 2) {
        throw new InputException(file + ": the first line is no CSV header (" + abbreviate(h.raw()) + ")");
      }
      List<String> header = h.fields().stream().map(String::trim).toList();
      List<List<String>> rows = new ArrayList<>();
      while (rows.size() < maxRows && csv.hasNext()) {
        RawRecord r = csv.next();
        if (r.fields() != null && r.fields().size() == header.size()) {
          rows.add(r.fields().stream().map(String::trim).toList());
        }
      }
      return new ExportSample(file, header, rows, !csv.hasNext());
    } catch (IOException e) {
      throw new InputException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The sampled values of one column. */
  public List<String> column(int i) {
    return rows.stream().map(r -> r.get(i)).toList();
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
