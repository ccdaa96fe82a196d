package org.civicpulse.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * How a city's CSV export maps to canonical service requests (issue 7), loaded from a .properties file:
 * column.&lt;field&gt;=&lt;city column&gt;, time_format, time_zone, status.&lt;value&gt;, channel.&lt;value&gt;
 * (channel.* is the default), category.&lt;value&gt;, category grouping rules (category.prefix.&lt;prefix&gt;=group,
 * category.regex.&lt;n&gt;=regex -&gt; group; unmatched categories pass through), and
 * closed_at_only_when_closed=true where the closed_at column is a last-update time that means "closed at"
 * only for closed requests (Open311 bulk exports without closed_date). docs/real-data.md.
 */
public final class City311Mapping implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Canonical fields a mapping may name a column for; request_id and created_at are required. */
  public static final List<String> FIELDS = Open311Reader.HEADER;
  static final List<String> REQUIRED = List.of("request_id", "created_at", "status");

  final Map<String, String> columns = new HashMap<>();
  final Map<String, String> status = new HashMap<>();
  final Map<String, String> channel = new HashMap<>();
  final Map<String, String> category = new HashMap<>();
  /** category.prefix rules (lower-case prefix → category); the longest matching prefix wins. */
  final Map<String, String> categoryPrefix = new HashMap<>();
  /** category.regex rules in the order of their numbers. */
  final java.util.TreeMap<Integer, GroupRule> categoryRegex = new java.util.TreeMap<>();

  /** One ordered grouping rule: a raw category matching the pattern (whole value) goes to the group. */
  record GroupRule(java.util.regex.Pattern pattern, String group) implements Serializable {}
  final String timeFormat;
  final String timeZone;
  final boolean closedAtOnlyWhenClosed;

  private City311Mapping(Properties p, String source) {
    String tf = null;
    String tz = null;
    boolean onlyClosed = false;
    for (String key : p.stringPropertyNames()) {
      String v = p.getProperty(key).trim();
      if (key.equals("closed_at_only_when_closed")) {
        if (!v.equals("true") && !v.equals("false")) {
          throw new InputException(source + ": closed_at_only_when_closed must be true or false, not " + v);
        }
        onlyClosed = v.equals("true");
      } else if (key.equals("time_format")) {
        tf = v;
      } else if (key.equals("time_zone")) {
        tz = v;
      } else if (key.startsWith("column.") && FIELDS.contains(key.substring(7))) {
        columns.put(key.substring(7), v);
      } else if (key.startsWith("status.")) {
        status.put(norm(key.substring(7)), v);
      } else if (key.startsWith("channel.")) {
        channel.put(norm(key.substring(8)), v);
      } else if (key.startsWith("category.prefix.")) {
        categoryPrefix.put(norm(key.substring(16)), v);
      } else if (key.startsWith("category.regex.")) {
        categoryRegex.put(ruleNumber(key, source), groupRule(key, v, source));
      } else if (key.startsWith("category.")) {
        category.put(norm(key.substring(9)), v);
      } else {
        throw new InputException(source + ": unknown mapping key " + key);
      }
    }
    for (String f : REQUIRED) {
      if (!columns.containsKey(f)) {
        throw new InputException(source + ": missing mapping key column." + f);
      }
    }
    if (tf == null) {
      throw new InputException(source + ": missing mapping key time_format");
    }
    if (tz == null) {
      throw new InputException(source + ": missing mapping key time_zone");
    }
    try {
      DateTimeFormatter.ofPattern(tf, Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new InputException(source + ": bad time_format " + tf + ": " + e.getMessage());
    }
    try {
      ZoneId.of(tz);
    } catch (RuntimeException e) {
      throw new InputException(source + ": bad time_zone " + tz);
    }
    this.timeFormat = tf;
    this.timeZone = tz;
    this.closedAtOnlyWhenClosed = onlyClosed;
  }

  /** Loads and checks a mapping file; any problem is one InputException naming the key. */
  public static City311Mapping load(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new InputException("cannot read mapping " + file + ": " + e.getMessage());
    }
    return new City311Mapping(p, file.toString());
  }

  /**
   * The category a raw city value maps to: an exact category.&lt;value&gt; line, else the longest matching
   * category.prefix, else the first matching category.regex by number, else the value itself.
   */
  public String category(String raw) {
    String n = norm(raw);
    String exact = category.get(n);
    if (exact != null) {
      return exact;
    }
    String longest = null;
    for (String p : categoryPrefix.keySet()) {
      if (n.startsWith(p) && (longest == null || p.length() > longest.length())) {
        longest = p;
      }
    }
    if (longest != null) {
      return categoryPrefix.get(longest);
    }
    for (GroupRule r : categoryRegex.values()) {
      if (r.pattern().matcher(raw.trim()).matches()) {
        return r.group();
      }
    }
    return raw;
  }

  private static int ruleNumber(String key, String source) {
    try {
      return Integer.parseInt(key.substring("category.regex.".length()));
    } catch (NumberFormatException e) {
      throw new InputException(source + ": " + key + ": the part after category.regex. must be a number (the rule's order)");
    }
  }

  private static GroupRule groupRule(String key, String v, String source) {
    int arrow = v.lastIndexOf("->");
    if (arrow < 0 || v.substring(arrow + 2).isBlank()) {
      throw new InputException(source + ": " + key + " must read '<regular expression> -> <category>', not '" + v + "'");
    }
    try {
      return new GroupRule(java.util.regex.Pattern.compile(v.substring(0, arrow).trim()), v.substring(arrow + 2).trim());
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new InputException(source + ": " + key + ": bad regular expression: " + e.getDescription());
    }
  }

  static String norm(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }
}
