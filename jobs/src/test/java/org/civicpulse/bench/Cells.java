package org.civicpulse.bench;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Metric values per cell (date|community|category), column by column, as read from either engine. */
public final class Cells {
  private final Map<String, Map<String, Object>> byCell = new TreeMap<>();

  public static String key(Object date, Object community, Object category) {
    return date + "|" + community + "|" + category;
  }

  /** Adds every row of a result whose first three columns are date, community_id, category. */
  public int addAll(ResultSet r) throws SQLException {
    ResultSetMetaData md = r.getMetaData();
    int rows = 0;
    while (r.next()) {
      Map<String, Object> cell = byCell.computeIfAbsent(key(r.getObject(1), r.getObject(2), r.getObject(3)), k -> new LinkedHashMap<>());
      for (int i = 4; i <= md.getColumnCount(); i++) {
        cell.put(md.getColumnLabel(i), r.getObject(i));
      }
      rows++;
    }
    return rows;
  }

  public void put(String cellKey, String column, Object value) {
    byCell.computeIfAbsent(cellKey, k -> new LinkedHashMap<>()).put(column, value);
  }

  public Map<String, Map<String, Object>> asMap() {
    return byCell;
  }
}
