package org.civicpulse.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A source CSV's header row as column name → position, for adapters that pick columns by the source's names. */
final class CsvColumns {
  private final Map<String, Integer> index = new HashMap<>();
  private final int width;

  /** @param header the header record; a broken header stops the run, naming the format */
  CsvColumns(RawRecord header, String format) {
    if (header.fields() == null) {
      throw new InputException(format + ": unreadable header row");
    }
    List<String> names = header.fields();
    for (int i = 0; i < names.size(); i++) {
      index.putIfAbsent(names.get(i).replace("\uFEFF", "").trim(), i);
    }
    width = names.size();
  }

  /** Stops the run with one line naming the first required column the header lacks. */
  CsvColumns require(Collection<String> columns, String format) {
    for (String c : columns) {
      if (!index.containsKey(c)) {
        throw new InputException(format + ": column " + c + " is not in the file's header");
      }
    }
    return this;
  }

  boolean has(String column) {
    return index.containsKey(column);
  }

  int width() {
    return width;
  }

  /** The trimmed value of a column in a row ("" when the column or the value is absent). */
  String value(List<String> row, String column) {
    Integer i = index.get(column);
    return i == null || i >= row.size() ? "" : row.get(i).trim();
  }
}
