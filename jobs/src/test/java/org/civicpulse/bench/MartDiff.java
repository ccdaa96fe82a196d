package org.civicpulse.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.civicpulse.dashboard.Marts;

/**
 * Compares every mart of two lakes row for row (DuckDB over each table's active Parquet files), to show that a
 * rewrite of a metric or a plan changes no number: {@code MartDiff LEFT_LAKE RIGHT_LAKE [FROM TO]} prints, per
 * mart (the dashboard's, the forecast's, any table under marts/ on either side), the rows on each side and the
 * rows only on one side (multiset difference, doubles compared exactly). FROM and TO limit the dashboard's
 * date-keyed marts; a mart on one side only counts all its rows as differences.
 */
public final class MartDiff {
  private MartDiff() {}

  public static void main(String[] args) throws SQLException {
    if (args.length != 2 && args.length != 4) {
      System.err.println("usage: MartDiff LEFT_LAKE RIGHT_LAKE [FROM TO]");
      System.exit(2);
    }
    String range = args.length == 4 ? " WHERE date BETWEEN DATE '" + args[2] + "' AND DATE '" + args[3] + "'" : "";
    long differences = 0;
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      for (String mart : marts(Path.of(args[0]), Path.of(args[1]))) {
        String where = Marts.ALL.contains(mart) ? range : "";
        String left = source(duck, Path.of(args[0]), mart, where);
        String right = source(duck, Path.of(args[1]), mart, where);
        long leftRows = left == null ? 0 : count(duck, "SELECT * FROM " + left);
        long rightRows = right == null ? 0 : count(duck, "SELECT * FROM " + right);
        long onlyLeft = right == null ? leftRows : left == null ? 0
            : count(duck, "SELECT * FROM " + left + " EXCEPT ALL SELECT * FROM " + right);
        long onlyRight = left == null ? rightRows : right == null ? 0
            : count(duck, "SELECT * FROM " + right + " EXCEPT ALL SELECT * FROM " + left);
        System.out.printf("mart=%s left=%d right=%d only_left=%d only_right=%d%n", mart, leftRows, rightRows,
            onlyLeft, onlyRight);
        differences += onlyLeft + onlyRight;
      }
    }
    System.out.println("mart-diff differences=" + differences);
    System.exit(differences == 0 ? 0 : 1);
  }

  /** The dashboard's marts first, then every other table folder under marts/ of either lake, sorted. */
  static List<String> marts(Path left, Path right) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>(Marts.ALL);
    java.util.TreeSet<String> others = new java.util.TreeSet<>();
    for (Path lake : List.of(left, right)) {
      java.io.File[] tables = lake.resolve("marts").toFile().listFiles(f -> new java.io.File(f, "_delta_log").isDirectory());
      for (java.io.File t : tables == null ? new java.io.File[0] : tables) {
        others.add(t.getName());
      }
    }
    names.addAll(others);
    return List.copyOf(names);
  }

  /** The mart's rows as a DuckDB subquery; null when the lake has no such table. */
  private static String source(Connection duck, Path lake, String mart, String range) {
    if (!lake.resolve("marts").resolve(mart).resolve("_delta_log").toFile().isDirectory()) {
      return null;
    }
    List<Path> files = DeltaFiles.active(lake.resolve("marts").resolve(mart), duck);
    return "(SELECT * FROM read_parquet([" + files.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "))
        + "], union_by_name = true)" + range + ")";
  }

  private static long count(Connection duck, String sql) throws SQLException {
    try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM (" + sql + ")")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
