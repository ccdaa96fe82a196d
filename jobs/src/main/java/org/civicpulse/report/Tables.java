package org.civicpulse.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
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

  static String str(Table t, String col, int row) {
    if (!t.containsColumn(col)) {
      return "";
    }
    Column<?> c = t.column(col);
    if (c.isMissing(row)) {
      return "";
    }
    Object v = c.get(row);
    return v == null ? "" : v.toString();
  }

  /** Any numeric column as Double; null when missing or not numeric. */
  static Double num(Table t, String col, int row) {
    if (!t.containsColumn(col)) {
      return null;
    }
    Column<?> c = t.column(col);
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
    if (!t.containsColumn(col)) {
      return null;
    }
    Column<?> c = t.column(col);
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
    if (!t.containsColumn(col)) {
      return null;
    }
    Column<?> c = t.column(col);
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
