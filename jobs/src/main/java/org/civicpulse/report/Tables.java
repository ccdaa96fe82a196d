package org.civicpulse.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import org.civicpulse.stats.WindowTotals;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * Null-safe, type-tolerant reads from the lead's Tablesaw tables. The marts may hand over Int where we
 * expect Long or a table without columns when a section is empty; pages must still render, so every
 * accessor degrades to "missing" instead of throwing.
 */
final class Tables {
  private Tables() {}

  /** True if the table exists, has rows and all named columns. */
  static boolean usable(Table t, String... cols) {
    if (t == null || t.rowCount() == 0) {
      return false;
    }
    for (String c : cols) {
      if (!t.containsColumn(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Column lookup by name, cached per table: Tablesaw's column(name) is a case-insensitive linear
   * search, and pages read cells in loops over tens of thousands of rows. Weak keys (tables compare by
   * identity) let filtered tables go.
   */
  private static final Map<Table, Map<String, Column<?>>> COLUMNS =
      Collections.synchronizedMap(new WeakHashMap<>());

  static Column<?> col(Table t, String name) {
    Map<String, Column<?>> byName = COLUMNS.computeIfAbsent(t, x -> new ConcurrentHashMap<>());
    Column<?> c = byName.get(name);
    if (c == null && t.containsColumn(name)) {
      c = t.column(name);
      byName.put(name, c);
    }
    return c;
  }

  static String str(Table t, String col, int row) {
    Column<?> c = col(t, col);
    if (c == null) {
      return "";
    }
    if (c.isMissing(row)) {
      return "";
    }
    Object v = c.get(row);
    return v == null ? "" : v.toString();
  }

  /** Any numeric column as Double; null when missing or not numeric. */
  static Double num(Table t, String col, int row) {
    Column<?> c = col(t, col);
    if (c == null) {
      return null;
    }
    if (c.isMissing(row)) {
      return null;
    }
    if (c instanceof NumericColumn<?> n) {
      double d = n.getDouble(row);
      return Double.isNaN(d) ? null : d;
    }
    Object v = c.get(row);
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    try {
      return v == null ? null : Double.valueOf(v.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static LocalDate date(Table t, String col, int row) {
    Column<?> c = col(t, col);
    if (c == null) {
      return null;
    }
    if (c.isMissing(row)) {
      return null;
    }
    Object v = c.get(row);
    if (v instanceof LocalDate d) {
      return d;
    }
    try {
      return v == null ? null : LocalDate.parse(v.toString().trim());
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Boolean bool(Table t, String col, int row) {
    Column<?> c = col(t, col);
    if (c == null) {
      return null;
    }
    if (c.isMissing(row)) {
      return null;
    }
    Object v = c.get(row);
    if (v instanceof Boolean b) {
      return b;
    }
    return v == null ? null : Boolean.valueOf(v.toString().trim());
  }

  /** The rows matching a predicate, as a new Tablesaw table (an empty copy when none match). */
  static Table filter(Table t, IntPredicate keep) {
    if (t == null) {
      return Table.create("empty");
    }
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      if (keep.test(i)) {
        rows.add(i);
      }
    }
    return t.where(Selection.with(rows.stream().mapToInt(Integer::intValue).toArray()));
  }

  /** Rows with date in [from, to] (inclusive); rows without a date are dropped. */
  static Table between(Table t, String dateCol, LocalDate from, LocalDate to) {
    if (!usable(t, dateCol)) {
      return t == null ? Table.create("empty") : t.emptyCopy();
    }
    return filter(t, i -> {
      LocalDate d = date(t, dateCol, i);
      return d != null && !d.isBefore(from) && !d.isAfter(to);
    });
  }

  static Table eq(Table t, String col, String value) {
    if (!usable(t, col)) {
      return t == null ? Table.create("empty") : t.emptyCopy();
    }
    return filter(t, i -> value.equals(str(t, col, i)));
  }

  static Table ne(Table t, String col, String value) {
    if (!usable(t, col)) {
      return t == null ? Table.create("empty") : t.emptyCopy();
    }
    return filter(t, i -> !value.equals(str(t, col, i)));
  }

  /**
   * Splits the rows dated [from, to] by community_id in one pass (ALL included): pages then filter a
   * community's few rows instead of the whole area's table once per community.
   */
  static Map<String, Table> byCommunity(Table t, String dateCol, LocalDate from, LocalDate to) {
    Map<String, List<Integer>> rows = new LinkedHashMap<>();
    if (usable(t, "community_id")) {
      boolean dated = t.containsColumn(dateCol);
      for (int i = 0; i < t.rowCount(); i++) {
        if (dated) {
          LocalDate d = date(t, dateCol, i);
          if (d == null || d.isBefore(from) || d.isAfter(to)) {
            continue;
          }
        }
        rows.computeIfAbsent(str(t, "community_id", i), k -> new ArrayList<>()).add(i);
      }
    }
    Map<String, Table> out = new LinkedHashMap<>();
    rows.forEach((k, v) -> out.put(k, t.where(Selection.with(v.stream().mapToInt(Integer::intValue).toArray()))));
    return out;
  }

  /** The rows as daily values of {@code valueCol}, keyed by the key columns (joined with NUL when several). */
  static List<WindowTotals.Daily> daily(Table t, String valueCol, String... keyCols) {
    List<WindowTotals.Daily> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      StringBuilder key = new StringBuilder();
      for (int k = 0; k < keyCols.length; k++) {
        key.append(k == 0 ? "" : "\u0000").append(str(t, keyCols[k], i));
      }
      out.add(new WindowTotals.Daily(key.toString(), date(t, "date", i), num(t, valueCol, i)));
    }
    return out;
  }

  /** Sum of a numeric column over all rows, missing cells skipped. */
  static double sum(Table t, String col) {
    double s = 0;
    if (usable(t, col)) {
      for (int i = 0; i < t.rowCount(); i++) {
        Double v = num(t, col, i);
        if (v != null) {
          s += v;
        }
      }
    }
    return s;
  }
}
