package org.civicpulse.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes data/*.csv: RFC 4180 (Commons CSV default, CRLF), UTF-8 with a BOM so that Excel opens Chinese
 * text correctly. Number formats follow docs/design-notes.md so that checks can compare strings.
 */
final class CsvExporter {
  /** docs/design-notes.md: the stable leading columns of data/kpis_daily.csv, in this order. */
  static final List<String> KPI_COLUMNS = List.of("date", "community_id", "category", "volume", "backlog",
      "first_response_p50_h", "first_response_p90_h", "resolution_p50_h", "resolution_p90_h", "sla_due",
      "sla_met", "sla_compliance", "feedback_n", "rating_mean", "csat", "feedback_rate", "overdue",
      "anomaly_z", "anomaly_flag");

  /** Days in kpis_daily.csv, D included. */
  static final int KPI_DAYS = 90;

  /** Counts print as integers whatever numeric type the marts used. */
  private static final Set<String> COUNT_COLUMNS = Set.of("volume", "backlog", "sla_due", "sla_met",
      "feedback_n", "overdue", "reopened", "backlog_0_1d", "backlog_1_3d", "backlog_3_7d", "backlog_7_30d",
      "backlog_30d_plus", "participants_mtd", "records_mtd", "closed", "last7", "prev7", "change", "population");

  /** Never empty: docs/design-notes.md makes volume and backlog 0 on a quiet day. */
  private static final Set<String> ZERO_IF_MISSING = Set.of("volume", "backlog");

  private CsvExporter() {}

  /** Decimal places of a non-count numeric column: hours, z, rates per 1,000 and ratings 2; fractions 4. */
  static int places(String col) {
    if (col.endsWith("_h") || col.endsWith("_z") || col.equals("z") || col.equals("per_1000")
        || col.equals("age_days") || col.equals("hours_overdue") || col.equals("rating_mean")) {
      return 2;
    }
    return 4;
  }

  /** One cell of a Tablesaw table in CSV form (see class comment). */
  static String cell(Table t, String col, int row) {
    if (!t.containsColumn(col)) {
      return ZERO_IF_MISSING.contains(col) ? "0" : "";
    }
    Column<?> c = t.column(col);
    if (c instanceof BooleanColumn) {
      Boolean b = Tables.bool(t, col, row);
      return b == null ? "" : b.toString();
    }
    if (c instanceof DateColumn) {
      LocalDate d = Tables.date(t, col, row);
      return d == null ? "" : d.toString();
    }
    if (c instanceof tech.tablesaw.api.NumericColumn<?>) {
      Double v = Tables.num(t, col, row);
      if (v == null) {
        return ZERO_IF_MISSING.contains(col) ? "0" : "";
      }
      boolean integral = c instanceof IntColumn || c instanceof LongColumn || c instanceof ShortColumn
          || COUNT_COLUMNS.contains(col);
      return integral ? Long.toString(Math.round(v)) : Formats.csv(v, places(col));
    }
    return Tables.str(t, col, row);
  }

  /** The rows of data/kpis_daily.csv: last 90 days up to date, sorted by date, community, category. */
  static List<List<String>> kpisDaily(Table kpis, LocalDate date, List<String> header) {
    header.addAll(KPI_COLUMNS);
    if (kpis != null) {
      for (String c : kpis.columnNames()) {
        if (!KPI_COLUMNS.contains(c)) {
          header.add(c);
        }
      }
    }
    List<List<String>> rows = new ArrayList<>();
    Table t = Tables.between(kpis, "date", date.minusDays(KPI_DAYS - 1L), date);
    for (int i = 0; i < t.rowCount(); i++) {
      List<String> r = new ArrayList<>(header.size());
      for (String c : header) {
        r.add(cell(t, c, i));
      }
      rows.add(r);
    }
    rows.sort(Comparator.<List<String>, String>comparing(r -> r.get(0))
        .thenComparing(r -> r.get(1)).thenComparing(r -> r.get(2)));
    return rows;
  }

  /** A whole Tablesaw table, all columns in their order. */
  static void writeTable(Path file, Table t) throws IOException {
    List<String> header = t == null ? List.of() : t.columnNames();
    List<List<String>> rows = new ArrayList<>();
    if (t != null) {
      for (int i = 0; i < t.rowCount(); i++) {
        List<String> r = new ArrayList<>(header.size());
        for (String c : header) {
          r.add(cell(t, c, i));
        }
        rows.add(r);
      }
    }
    write(file, header, rows);
  }

  static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
    Files.createDirectories(file.getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write('\uFEFF');
      CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT);
      p.printRecord(header);
      for (List<String> r : rows) {
        p.printRecord(r);
      }
      p.flush();
    }
  }
}
