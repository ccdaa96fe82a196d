package org.civicpulse.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Display names for community and category ids in the report language, from the reference tables.
 * Returned strings are raw input: callers escape them like any other text.
 */
final class Labels {
  static final String ALL = "ALL";
  static final String UNLINKED = "UNLINKED";

  private final Messages m;
  private final Map<String, String> communities = new LinkedHashMap<>();
  private final Map<String, String> categories = new LinkedHashMap<>();

  Labels(ReportData data, Messages m) {
    this.m = m;
    boolean zh = m.lang().equals("zh");
    Table c = data.communities();
    if (Tables.usable(c, "community_id")) {
      for (int i = 0; i < c.rowCount(); i++) {
        String id = Tables.str(c, "community_id", i);
        communities.put(id, pick(zh, Tables.str(c, "name_zh", i), Tables.str(c, "name", i), id));
      }
    }
    Table k = data.categories();
    if (Tables.usable(k, "category")) {
      for (int i = 0; i < k.rowCount(); i++) {
        String id = Tables.str(k, "category", i);
        categories.put(id, pick(zh, Tables.str(k, "name_zh", i), Tables.str(k, "name_en", i), id));
      }
    }
    // Ids that occur in the marts but not in the reference tables still get a page and a row.
    for (String id : ids(data.kpisDaily(), "community_id")) {
      communities.putIfAbsent(id, id);
    }
    for (String id : ids(data.kpisDaily(), "category")) {
      categories.putIfAbsent(id, id);
    }
    communities.remove(ALL);
    categories.remove(ALL);
    // UNLINKED holds feedback only (no requests): it is no column of the volume tables.
    categories.remove(UNLINKED);
  }

  private static String pick(boolean zh, String nameZh, String nameEn, String id) {
    String first = zh ? nameZh : nameEn;
    String second = zh ? nameEn : nameZh;
    if (!first.isBlank()) {
      return first;
    }
    return second.isBlank() ? id : second;
  }

  private static List<String> ids(Table t, String col) {
    List<String> out = new ArrayList<>();
    if (Tables.usable(t, col)) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (int i = 0; i < t.rowCount(); i++) {
        String s = Tables.str(t, col, i);
        if (!s.isEmpty() && seen.add(s)) {
          out.add(s);
        }
      }
      out.sort(String::compareTo);
    }
    return out;
  }

  String community(String id) {
    if (ALL.equals(id)) {
      return m.get("scope.all");
    }
    return communities.getOrDefault(id, id);
  }

  String category(String id) {
    if (ALL.equals(id)) {
      return m.get("category.all");
    }
    if (UNLINKED.equals(id)) {
      return m.get("category.unlinked");
    }
    return categories.getOrDefault(id, id);
  }

  /** Community ids in reference order (then ids only the marts know). */
  List<String> communityIds() {
    return new ArrayList<>(communities.keySet());
  }

  List<String> categoryIds() {
    return new ArrayList<>(categories.keySet());
  }

  /**
   * A file-name-safe form of an id: ids come from input, so anything outside [A-Za-z0-9_-] is
   * replaced and a hash of the original keeps two different ids from sharing one file.
   */
  static String slug(String id) {
    String s = id.replaceAll("[^A-Za-z0-9_-]", "_");
    if (s.equals(id) && !s.isEmpty()) {
      return s;
    }
    return s + "-" + Integer.toHexString(id.hashCode());
  }
}
