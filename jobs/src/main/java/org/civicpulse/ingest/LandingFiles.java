package org.civicpulse.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.civicpulse.schema.FieldSpec;
import org.civicpulse.schema.TableSchema;

/** Finds landing files and checks their headers before any Spark work starts. */
public final class LandingFiles {
  private LandingFiles() {}

  /** A file, or every .csv/.csv.gz/.json/.jsonl file under a folder, sorted by path. */
  public static List<Path> expand(Path fileOrFolder) {
    return expand(fileOrFolder, LandingFiles::isLandingFile);
  }

  /** A file, or every file under a folder that the format accepts (e.g. an adapter's .pb files), sorted by path. */
  public static List<Path> expand(Path fileOrFolder, java.util.function.Predicate<Path> accepts) {
    if (!Files.exists(fileOrFolder)) {
      throw new InputException("input not found: " + fileOrFolder);
    }
    if (Files.isRegularFile(fileOrFolder)) {
      if (!Files.isReadable(fileOrFolder)) {
        throw new InputException("input not readable: " + fileOrFolder);
      }
      return List.of(fileOrFolder.toAbsolutePath().normalize());
    }
    try (Stream<Path> s = Files.walk(fileOrFolder)) {
      return s.filter(Files::isRegularFile).filter(accepts)
          .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
    } catch (IOException e) {
      throw new InputException("cannot list " + fileOrFolder + ": " + e.getMessage());
    }
  }

  /** Files of one dataset in a landing folder: names (or their folder's name) starting with the prefix. */
  public static List<Path> inLanding(Path landing, String prefix) {
    if (!Files.isDirectory(landing)) {
      throw new InputException("landing folder not found: " + landing);
    }
    return expand(landing).stream().filter(p -> p.getFileName().toString().startsWith(prefix)
        || (p.getParent() != null && p.getParent().getFileName().toString().startsWith(prefix))).toList();
  }

  static boolean isLandingFile(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".csv") || n.endsWith(".csv.gz") || n.endsWith(".json") || n.endsWith(".jsonl")
        || n.endsWith(".json.gz") || n.endsWith(".jsonl.gz");
  }

  /** JSON Lines by name: .json, .jsonl (optionally .gz). */
  public static boolean isJsonLines(String name) {
    String n = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    return n.endsWith(".jsonl") || n.endsWith(".json");
  }

  public static InputStream open(InputStream raw, String name) throws IOException {
    return name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
  }

  /** A landing file (gzipped or not) as UTF-8 text. */
  public static BufferedReader reader(Path file) throws IOException {
    return reader(open(Files.newInputStream(file), file.toString()));
  }

  public static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  /** The header of a CSV file; a missing required column is an error naming it. Returns unknown columns. */
  public static List<String> checkHeader(Path file, TableSchema schema) {
    if (isJsonLines(file.toString())) {
      return List.of(); // keys are checked per record: a missing required key is a missing_required reason
    }
    List<String> header;
    try (BufferedReader r = reader(open(Files.newInputStream(file), file.toString()))) {
      CsvRecordReader records = new CsvRecordReader(r);
      if (!records.hasNext() || records.next().fields() == null) {
        throw new InputException(file + ": empty file or unreadable header");
      }
      header = new CsvRecordReader(reader(open(Files.newInputStream(file), file.toString()))).next().fields();
    } catch (IOException e) {
      throw new InputException("cannot read " + file + ": " + e.getMessage());
    }
    for (FieldSpec f : schema.fields()) {
      if (f.required() && !f.isDerived() && !header.contains(f.name())) {
        throw new InputException(file + ": header has no column '" + f.name() + "' (required for " + schema.table() + ")");
      }
    }
    List<String> known = schema.landingFieldNames();
    List<String> extra = new ArrayList<>();
    for (String h : header) {
      if (!known.contains(h)) {
        extra.add(h);
      }
    }
    return extra;
  }
}
