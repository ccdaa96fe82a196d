package org.civicpulse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lists a Delta table's active Parquet files from its {@code _delta_log}, for an engine that cannot read Delta
 * offline (DuckDB's delta extension is downloaded on first use). Reading the folder as plain Parquet would be
 * wrong: files that MERGE or replaceWhere removed stay on disk until VACUUM.
 */
public final class DeltaFiles {
  private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");
  /** Classic checkpoints: one file, or parts {@code <v>.checkpoint.<part>.<parts>.parquet}. */
  private static final Pattern CHECKPOINT = Pattern.compile("(\\d{20})\\.checkpoint(?:\\.(\\d{10})\\.(\\d{10}))?\\.parquet");

  private DeltaFiles() {}

  /** The table's active data files as absolute paths; the checkpoint Parquet is read through the given DuckDB. */
  public static List<Path> active(Path table, Connection duck) {
    Path log = table.resolve("_delta_log");
    List<Path> entries = list(log);
    long cp = latestCompleteCheckpoint(entries);
    List<String> fromCheckpoint = cp < 0 ? List.of() : checkpointAdds(entries, cp, duck);
    List<String> lines = new ArrayList<>();
    entries.stream().filter(p -> version(COMMIT, p) > cp).sorted(Comparator.comparingLong(p -> version(COMMIT, p)))
        .forEach(p -> lines.addAll(readLines(p)));
    List<Path> out = new ArrayList<>();
    for (String path : DeltaLogReplay.activeFiles(fromCheckpoint, lines)) {
      out.add(resolve(table, path));
    }
    return out;
  }

  /** A log path is URL-encoded and relative to the table, or an absolute URI. */
  static Path resolve(Path table, String logPath) {
    URI uri = URI.create(logPath);
    return uri.isAbsolute() ? Path.of(uri) : table.resolve(uri.getPath());
  }

  private static long latestCompleteCheckpoint(List<Path> entries) {
    java.util.Map<Long, Integer> seen = new java.util.HashMap<>();
    java.util.Map<Long, Integer> needed = new java.util.HashMap<>();
    for (Path p : entries) {
      Matcher m = CHECKPOINT.matcher(p.getFileName().toString());
      if (m.matches()) {
        long v = Long.parseLong(m.group(1));
        seen.merge(v, 1, Integer::sum);
        needed.put(v, m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
      }
    }
    // A checkpoint being written has only some parts: skip to an older complete one.
    return seen.entrySet().stream().filter(e -> e.getValue() >= needed.get(e.getKey())).mapToLong(e -> e.getKey())
        .max().orElse(-1);
  }

  private static List<String> checkpointAdds(List<Path> entries, long version, Connection duck) {
    List<String> files = entries.stream().filter(p -> {
      Matcher m = CHECKPOINT.matcher(p.getFileName().toString());
      return m.matches() && Long.parseLong(m.group(1)) == version;
    }).map(p -> "'" + p.toString().replace("'", "''") + "'").toList();
    List<String> adds = new ArrayList<>();
    try (Statement s = duck.createStatement();
         ResultSet r = s.executeQuery("SELECT \"add\".path FROM read_parquet([" + String.join(", ", files)
             + "], union_by_name = true) WHERE \"add\" IS NOT NULL AND \"add\".path IS NOT NULL")) {
      while (r.next()) {
        adds.add(r.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the checkpoint of " + entries.get(0).getParent(), e);
    }
    return adds;
  }

  private static long version(Pattern p, Path file) {
    Matcher m = p.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  private static List<Path> list(Path log) {
    try (Stream<Path> s = Files.list(log)) {
      return s.toList();
    } catch (IOException e) {
      throw new UncheckedIOException("not a Delta table (no readable _delta_log): " + log.getParent(), e);
    }
  }

  private static List<String> readLines(Path p) {
    try {
      return Files.readAllLines(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
