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
 * Compares the dashboard marts of two lakes row for row (DuckDB over each table's active Parquet files), to show
 * that a rewrite of a metric changes no number: {@code MartDiff LEFT_LAKE RIGHT_LAKE [FROM TO]} prints, per mart,
 * the rows on each side and the rows only on one side (multiset difference, doubles compared exactly).
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
      for (String mart : Marts.ALL) {
        String left = source(duck, Path.of(args[0]), mart, range);
        String right = source(duck, Path.of(args[1]), mart, range);
        long onlyLeft = count(duck, "SELECT * FROM " + left + " EXCEPT ALL SELECT * FROM " + right);
        long onlyRight = count(duck, "SELECT * FROM " + right + " EXCEPT ALL SELECT * FROM " + left);
        System.out.printf("mart=%s left=%d right=%d only_left=%d only_right=%d%n", mart,
            count(duck, "SELECT * FROM " + left), count(duck, "SELECT * FROM " + right), onlyLeft, onlyRight);
        differences += onlyLeft + onlyRight;
      }
    }
    System.out.println("mart-diff differences=" + differences);
    System.exit(differences == 0 ? 0 : 1);
  }

  private static String source(Connection duck, Path lake, String mart, String range) {
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
