package org.civicpulse.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.civicpulse.schema.Marts;

/**
 * Compares every mart and curated table of two lakes row for row (DuckDB over each table's active Parquet files),
 * to show that a rewrite of a metric, a plan or a write changes no number: {@code MartDiff LEFT_LAKE RIGHT_LAKE
 * [FROM TO]} prints, per table (the dashboard's marts, any other table under marts/, every table under curated/,
 * and the quarantine without the columns that name the run), the rows on each side and the rows only on one side
 * (multiset difference, doubles compared exactly; {@code --ignore COL,…} leaves those columns out where a table has them). A {@code source} column (the landing file a row came from) is
 * compared by file name, so lakes ingested from two checkouts of the same sample data compare equal. FROM and TO limit the dashboard's date-keyed marts; a table on
 * one side only counts all its rows as differences.
 */
public final class MartDiff {
  private MartDiff() {}

  public static void main(String[] argv) throws SQLException {
    java.util.List<String> args = new java.util.ArrayList<>(List.of(argv));
    java.util.Set<String> ignore = new java.util.TreeSet<>();
    int at = args.indexOf("--ignore");
    if (at >= 0 && at + 1 < args.size()) {
      ignore.addAll(List.of(args.get(at + 1).split(",")));
      args.subList(at, at + 2).clear();
    }
    if (args.size() != 2 && args.size() != 4) {
      System.err.println("usage: MartDiff LEFT_LAKE RIGHT_LAKE [FROM TO] [--ignore COL,COL]");
      System.exit(2);
    }
    String range = args.size() == 4 ? " WHERE date BETWEEN DATE '" + args.get(2) + "' AND DATE '" + args.get(3) + "'" : "";
    long differences = 0;
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      Path leftLake = Path.of(args.get(0));
      Path rightLake = Path.of(args.get(1));
      for (String table : tables(leftLake, rightLake)) {
        String where = Marts.DAILY.contains(table) ? range : "";
        Counts c = compare(duck, leftLake, rightLake, table, where, ignore);
        System.out.printf("%s=%s left=%d right=%d only_left=%d only_right=%d%n", label(table), name(table), c.left(),
            c.right(), c.onlyLeft(), c.onlyRight());
        differences += c.onlyLeft() + c.onlyRight();
      }
    }
    System.out.println("mart-diff differences=" + differences);
    System.exit(differences == 0 ? 0 : 1);
  }

  /** One table on both sides: its rows on each and the rows only on one side. */
  public record Counts(long left, long right, long onlyLeft, long onlyRight) {}

  /**
   * Compares one table ("curated/&lt;t&gt;", "quarantine" or a mart name) of two lakes, leaving out the columns
   * named in {@code ignore}; a table on one side only counts all its rows as differences.
   */
  public static Counts compare(Connection duck, Path leftLake, Path rightLake, String table, String where,
      java.util.Set<String> ignore) throws SQLException {
    String left = source(duck, leftLake, table, where, ignore);
    String right = source(duck, rightLake, table, where, ignore);
    // A table without rows (no active file) is as good as none: its rows cannot differ in columns.
    left = EMPTY.equals(left) ? null : left;
    right = EMPTY.equals(right) ? null : right;
    long leftRows = left == null ? 0 : count(duck, "SELECT * FROM " + left);
    long rightRows = right == null ? 0 : count(duck, "SELECT * FROM " + right);
    long onlyLeft = right == null ? leftRows : left == null ? 0
        : count(duck, "SELECT * FROM " + left + " EXCEPT ALL SELECT * FROM " + right);
    long onlyRight = left == null ? rightRows : right == null ? 0
        : count(duck, "SELECT * FROM " + right + " EXCEPT ALL SELECT * FROM " + left);
    return new Counts(leftRows, rightRows, onlyLeft, onlyRight);
  }

  /** The quarantine's columns that name the run that wrote a row (they differ between any two runs). */
  static final String QUARANTINE_RUN_COLUMNS = "run_id, quarantined_at";

  /**
   * The dashboard's marts first, then every other table folder under marts/ of either lake, sorted, then
   * "curated/&lt;table&gt;" for every curated table and "quarantine".
   */
  static List<String> tables(Path left, Path right) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>(Marts.DAILY);
    names.addAll(folders(left, right, "marts", ""));
    names.addAll(folders(left, right, "curated", "curated/"));
    names.add("quarantine");
    return List.copyOf(names);
  }

  private static java.util.SortedSet<String> folders(Path left, Path right, String under, String prefix) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    for (Path lake : List.of(left, right)) {
      java.io.File[] tables = lake.resolve(under).toFile().listFiles(f -> new java.io.File(f, "_delta_log").isDirectory());
      for (java.io.File t : tables == null ? new java.io.File[0] : tables) {
        out.add(prefix + t.getName());
      }
    }
    return out;
  }

  private static Path folder(Path lake, String table) {
    return table.equals("quarantine") || table.startsWith("curated/") ? lake.resolve(table) : lake.resolve("marts").resolve(table);
  }

  private static String label(String table) {
    return table.startsWith("curated/") ? "curated" : table.equals("quarantine") ? "table" : "mart";
  }

  private static String name(String table) {
    return table.startsWith("curated/") ? table.substring("curated/".length()) : table;
  }

  /** What {@link #source} returns for a table that exists without a row. */
  private static final String EMPTY = "";

  /** The table's rows as a DuckDB subquery; null when the lake has no such table, EMPTY when it has no row. */
  private static String source(Connection duck, Path lake, String table, String range, java.util.Set<String> ignore)
      throws SQLException {
    Path dir = folder(lake, table);
    if (!dir.resolve("_delta_log").toFile().isDirectory()) {
      return null;
    }
    List<Path> files = DeltaFiles.active(dir, duck);
    if (files.isEmpty()) {
      return EMPTY;
    }
    String scan = "read_parquet([" + files.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "))
        + "], union_by_name = true)";
    java.util.List<String> excluded = new java.util.ArrayList<>();
    for (String c : ignore) {
      if (hasColumn(duck, scan, c)) {
        excluded.add(c);
      }
    }
    if (table.equals("quarantine")) {
      excluded.add(QUARANTINE_RUN_COLUMNS);
    }
    String columns = excluded.isEmpty() ? "*" : "* EXCLUDE (" + String.join(", ", excluded) + ")";
    if (!ignore.contains("source") && hasColumn(duck, scan, "source")) {
      columns += " REPLACE (regexp_replace(source, '^.*/', '') AS source)";
    }
    return "(SELECT " + columns + " FROM " + scan + range + ")";
  }

  private static boolean hasColumn(Connection duck, String scan, String column) throws SQLException {
    try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + scan)) {
      while (rs.next()) {
        if (rs.getString(1).equals(column)) {
          return true;
        }
      }
      return false;
    }
  }

  private static long count(Connection duck, String sql) throws SQLException {
    try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM (" + sql + ")")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
