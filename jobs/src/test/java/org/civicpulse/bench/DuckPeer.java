package org.civicpulse.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicpulse.dashboard.DateRange;
import org.civicpulse.lake.Lake;
import org.civicpulse.schema.Marts;
import org.civicpulse.schema.Schemas;

/**
 * DuckDB in-process over a civicpulse lake: views over the active Parquet files of the curated tables, the
 * dashboard's metric families, and civicpulse's own kpis_daily read back for the cross-check.
 */
public final class DuckPeer implements AutoCloseable {
  private final Connection duck;
  private final Lake lake;

  /** @param timezone the lake's configured zone: local days are dates in it, as in Spark's session */
  public DuckPeer(Lake lake, String timezone) throws SQLException {
    this.lake = lake;
    this.duck = DriverManager.getConnection("jdbc:duckdb:");
    exec("SET TimeZone = '" + timezone + "'");
  }

  /** Registers cp_events (month partitions after the range pruned, as civicpulse does), cp_requests, cp_feedback. */
  public void register(DateRange r) throws SQLException {
    String monthTo = String.format("%04d-%02d", r.to().getYear(), r.to().getMonthValue());
    view("cp_events", lake.curated(Schemas.REQUEST_EVENTS), monthTo);
    view("cp_requests", lake.curated(Schemas.SERVICE_REQUESTS), null);
    view("cp_feedback", lake.curated(Schemas.FEEDBACK), null);
  }

  /** Runs every family into {@code out}; returns milliseconds per family, in order. */
  public Map<String, Long> run(DateRange r, Cells out) throws SQLException {
    Map<String, Long> ms = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : DuckMarts.families(r).entrySet()) {
      long t0 = System.nanoTime();
      try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(f.getValue())) {
        out.addAll(rs);
      }
      ms.put(f.getKey(), (System.nanoTime() - t0) / 1_000_000);
    }
    deriveCompliance(out);
    return ms;
  }

  /** civicpulse's kpis_daily for the range, from the mart's active files. */
  public Cells civicpulseKpis(DateRange r) throws SQLException {
    List<String> columns = new ArrayList<>(CrossCheck.COUNTS);
    columns.addAll(CrossCheck.RATES);
    Cells cells = new Cells();
    try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("SELECT date, community_id, category, "
        + String.join(", ", columns) + " FROM read_parquet(" + files(lake.mart(Marts.KPIS_DAILY), null)
        + ") WHERE date BETWEEN DATE '" + r.from() + "' AND DATE '" + r.to() + "'")) {
      cells.addAll(rs);
    }
    return cells;
  }

  /** sla_compliance = met ÷ due where anything is due (KpiTable's rule). */
  private static void deriveCompliance(Cells cells) {
    for (Map.Entry<String, Map<String, Object>> e : cells.asMap().entrySet()) {
      Object due = e.getValue().get("sla_due");
      if (due != null && ((Number) due).longValue() > 0) {
        double met = ((Number) e.getValue().get("sla_met")).doubleValue();
        e.getValue().put("sla_compliance", met / ((Number) due).longValue());
      }
    }
  }

  /**
   * A view over the table's active files. Spark writes timestamps as INT96, which DuckDB reads as naive
   * TIMESTAMP holding the UTC instant: those columns become TIMESTAMPTZ, so dates come out in the session zone.
   */
  private void view(String name, Path table, String monthTo) throws SQLException {
    String src = "read_parquet(" + files(table, monthTo) + ", hive_partitioning = false)";
    List<String> fixes = new ArrayList<>();
    try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + src)) {
      while (rs.next()) {
        if (rs.getString(2).equals("TIMESTAMP")) {
          fixes.add("timezone('UTC', \"" + rs.getString(1) + "\") AS \"" + rs.getString(1) + "\"");
        }
      }
    }
    exec("CREATE OR REPLACE VIEW " + name + " AS SELECT * " + (fixes.isEmpty() ? "" : "REPLACE (" + String.join(", ", fixes) + ")")
        + " FROM " + src);
  }

  /** The list literal of the table's active files, optionally only month partitions up to monthTo. */
  private String files(Path table, String monthTo) {
    List<String> quoted = new ArrayList<>();
    for (Path p : DeltaFiles.active(table, duck)) {
      String month = monthOf(p);
      if (monthTo == null || month == null || month.compareTo(monthTo) <= 0) {
        quoted.add("'" + p.toString().replace("'", "''") + "'");
      }
    }
    if (quoted.isEmpty()) {
      throw new IllegalStateException("no active Parquet files in " + table);
    }
    return "[" + String.join(", ", quoted) + "]";
  }

  private static String monthOf(Path file) {
    for (Path part : file) {
      if (part.toString().startsWith("month=")) {
        return part.toString().substring("month=".length());
      }
    }
    return null;
  }

  private void exec(String sql) throws SQLException {
    try (Statement s = duck.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() throws SQLException {
    duck.close();
  }
}
