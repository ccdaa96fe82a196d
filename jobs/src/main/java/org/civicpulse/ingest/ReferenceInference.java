package org.civicpulse.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.civicpulse.schema.Schemas;

/**
 * communities.csv and categories.csv written from a city's export (`civicpulse reference infer`): every distinct
 * area and category after the mapping, named by its own value, with population and SLA hours left empty for the
 * user. Re-running on new data adds what is new and keeps every row already in the files as the user edited it.
 */
public final class ReferenceInference {
  /** One reference file's outcome: rows kept as they were, rows added, and the file. */
  public record Outcome(Path file, int kept, int added) {}

  static final String COMMUNITIES_NOTE = """
      # communities.csv written by `civicpulse reference infer`: one row per area the export names.
      # Fill in: name (as the report shows it), name_zh, district, street, population (residents: per-1,000 rates
      # need it; leave empty rather than guess), households, area_km2. Keep community_id as it is: the requests
      # refer to it. Rows you edit are kept when the command runs again; new areas are added at the end.
      """;
  static final String CATEGORIES_NOTE = """
      # categories.csv written by `civicpulse reference infer`: one row per category after the mapping's grouping.
      # Fill in: name_en and name_zh (as the report shows them), sla_hours (the promised time to close, in calendar
      # hours; empty = no SLA: the request counts in no SLA figure), default_provider_type (government, social_org,
      # enterprise or volunteer). Keep category as it is. Rows you edit are kept when the command runs again.
      """;

  private ReferenceInference() {}

  /** Distinct mapped values of one canonical field over the files, with their row counts. */
  public static Map<String, Long> distinct(City311Mapping mapping, List<Path> files, String field) {
    Map<String, Long> out = new TreeMap<>();
    int at = City311Reader.HEADER.indexOf(field);
    City311Reader.forEachRecord(mapping, files, r -> {
      if (r.fields() != null && !r.fields().get(at).isEmpty()) {
        out.merge(r.fields().get(at), 1L, Long::sum);
      }
    });
    return out;
  }

  /** Writes or extends both files in dir. */
  public static List<Outcome> infer(City311Mapping mapping, List<Path> files, Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new InputException("cannot create " + dir + ": " + e.getMessage());
    }
    return List.of(
        merge(dir.resolve("communities.csv"), Schemas.get(Schemas.COMMUNITIES).landingFieldNames(), COMMUNITIES_NOTE,
            distinct(mapping, files, "community_id")),
        merge(dir.resolve("categories.csv"), Schemas.get(Schemas.CATEGORIES).landingFieldNames(), CATEGORIES_NOTE,
            distinct(mapping, files, "category")));
  }

  /** Keeps the file's rows (by first column) and appends a row for each new id: id, name = id, the rest empty. */
  static Outcome merge(Path file, List<String> header, String note, Map<String, Long> ids) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    List<String> fileHeader = header;
    if (Files.exists(file)) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        CsvRecordReader csv = new CsvRecordReader(in);
        if (csv.hasNext()) {
          fileHeader = csv.next().fields();
        }
        while (csv.hasNext()) {
          RawRecord r = csv.next();
          if (r.fields() == null || r.fields().isEmpty()) {
            throw new InputException(file + " line " + r.line() + ": cannot read it to keep it (fix the row, or move the file away)");
          }
          rows.putIfAbsent(r.fields().get(0), r.fields());
        }
      } catch (IOException e) {
        throw new InputException("cannot read " + file + ": " + e.getMessage());
      }
      if (!fileHeader.equals(header)) {
        throw new InputException(file + ": its header is not " + String.join(",", header) + "; move it away to write a new one");
      }
    }
    int kept = rows.size();
    int added = 0;
    for (String id : ids.keySet()) {
      if (!rows.containsKey(id)) {
        List<String> row = new ArrayList<>(java.util.Collections.nCopies(header.size(), ""));
        row.set(0, id);
        row.set(1, id);
        rows.put(id, row);
        added++;
      }
    }
    write(file, header, note, rows.values());
    return new Outcome(file, kept, added);
  }

  private static void write(Path file, List<String> header, String note, Iterable<List<String>> rows) {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write(note);
      try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
        p.printRecord(header);
        for (List<String> r : rows) {
          p.printRecord(r);
        }
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new InputException("cannot write " + file + ": " + e.getMessage());
    }
  }
}
