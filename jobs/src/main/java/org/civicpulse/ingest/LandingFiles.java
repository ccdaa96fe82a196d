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
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.civicpulse.schema.FieldSpec;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;

/** Finds landing files and checks their headers before any Spark work starts. */
public final class LandingFiles {
  private LandingFiles() {}

  /** A file, or every .csv/.csv.gz/.json/.jsonl file under a folder, sorted by path. */
  public static List<Path> expand(Path fileOrFolder) {
    return expand(fileOrFolder, LandingFiles::isLandingFile);
  }

  /** A file, or every file under a folder that the format accepts (e.g. an adapter's .pb files), sorted by path. */
  public static List<Path> expand(Path fileOrFolder, Predicate<Path> accepts) {
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

  /** A file under an input folder that a command leaves out, and why. */
  public record Skipped(Path file, String reason) {}

  /**
   * The files under the input folders given (files given directly are always taken) that no dataset took: not a
   * landing file by its name, or, in a landing folder, a name that matches no dataset.
   */
  public static List<Skipped> skipped(List<Path> inputs, Map<String, List<Path>> taken) {
    java.util.Set<Path> took = new java.util.HashSet<>();
    taken.values().forEach(took::addAll);
    java.util.TreeMap<Path, String> out = new java.util.TreeMap<>();
    for (Path input : inputs) {
      if (input == null || !Files.isDirectory(input)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(input)) {
        s.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).filter(p -> !took.contains(p))
            .forEach(p -> out.put(p, isLandingFile(p) ? NO_DATASET : NOT_LANDING));
      } catch (IOException e) {
        throw new InputException("cannot list " + input + ": " + e.getMessage());
      }
    }
    return out.entrySet().stream().map(e -> new Skipped(e.getKey(), e.getValue())).toList();
  }

  static final String NOT_LANDING = "not a landing file (.csv, .json, .jsonl, optionally .gz)";
  static final String NO_DATASET = "its name matches no dataset (requests*, feedback*, participation*, communities*, categories*)";

  /**
   * Checks the header of every file against its dataset before anything is read or sent, so one misplaced file
   * (a communities.csv in a requests folder) stops the run with one line naming it; extra columns are a warning.
   * @param files dataset → its landing files (datasets read by a source adapter left out: they have no header)
   */
  public static void checkHeaders(Map<String, List<Path>> files, Consumer<String> progress) {
    files.forEach((ds, list) -> {
      for (Path f : list) {
        List<String> extra = checkHeader(f, Schemas.get(ds));
        if (!extra.isEmpty()) {
          progress.accept("warning: " + f + ": ignoring extra columns " + extra);
        }
      }
    });
  }

  /** One progress line per file taken (with its dataset) and per file skipped (with the reason). */
  public static void report(Map<String, List<Path>> files, List<Skipped> skipped, Consumer<String> progress) {
    files.forEach((ds, list) -> list.forEach(f -> progress.accept("took " + f + " (" + ds + ")")));
    skipped.forEach(s -> progress.accept("skipped " + s.file() + ": " + s.reason()));
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
