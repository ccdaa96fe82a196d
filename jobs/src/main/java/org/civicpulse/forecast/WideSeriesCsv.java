package org.civicpulse.forecast;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civicpulse.forecast.models.IsoWeek;
import org.civicpulse.forecast.models.WeeklySeries;

/**
 * Reads the wide {@code --series} CSV: {@code iso_week} (e.g. 2019-W13), then one numeric column per series.
 * Rows may come in any order; weeks missing between the first and last are zero-filled (with a warning);
 * empty cells are 0; a repeated week or a non-numeric cell is an error naming the line; series names must be
 * distinct, non-empty and not {@code ALL} (the name of the roll-up rows).
 */
public final class WideSeriesCsv {
  private WideSeriesCsv() {}

  /** The series by column name, in column order, and the warnings. */
  public record Content(Map<String, WeeklySeries> series, List<String> warnings) {}

  public static Content read(Path file) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    TreeMap<IsoWeek, double[]> rows = new TreeMap<>();
    List<String> names = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header = parser.getHeaderNames();
      if (header.isEmpty() || !stripBom(header.get(0)).equals("iso_week")) {
        throw new IllegalArgumentException(file + ": first column must be iso_week, found " + header);
      }
      if (header.size() < 2) {
        throw new IllegalArgumentException(file + ": no series columns after iso_week");
      }
      names.addAll(header.subList(1, header.size()));
      if (new java.util.HashSet<>(names).size() < names.size() || names.contains("") || names.contains("ALL")) {
        throw new IllegalArgumentException(file + ": series names must be distinct, non-empty and not ALL: " + names);
      }
      for (CSVRecord r : parser) {
        long line = parser.getCurrentLineNumber();
        IsoWeek week;
        try {
          week = IsoWeek.parse(r.get(0));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + " line " + line + ": " + e.getMessage(), e);
        }
        double[] values = new double[names.size()];
        for (int c = 0; c < names.size(); c++) {
          String cell = c + 1 < r.size() ? r.get(c + 1) : "";
          try {
            values[c] = cell.isEmpty() ? 0 : Double.parseDouble(cell);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ": " + names.get(c) + " is not a number: '" + cell + "'", e);
          }
        }
        if (rows.put(week, values) != null) {
          throw new IllegalArgumentException(file + " line " + line + ": week " + week + " appears twice");
        }
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(file + ": no data rows");
    }
    IsoWeek first = rows.firstKey();
    int length = Math.toIntExact(first.weeksUntil(rows.lastKey()) + 1);
    List<String> warnings = new ArrayList<>();
    if (length > rows.size()) {
      warnings.add(file.getFileName() + ": " + (length - rows.size()) + " missing weeks between " + first
          + " and " + rows.lastKey() + " counted as 0");
    }
    Map<String, WeeklySeries> series = new LinkedHashMap<>();
    for (int c = 0; c < names.size(); c++) {
      double[] v = new double[length];
      for (Map.Entry<IsoWeek, double[]> e : rows.entrySet()) {
        v[Math.toIntExact(first.weeksUntil(e.getKey()))] = e.getValue()[c];
      }
      series.put(names.get(c), new WeeklySeries(first, v));
    }
    return new Content(series, warnings);
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
