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
 * (channel.* is the default), category.&lt;value&gt; (unmapped categories pass through), and
 * closed_at_only_when_closed=true where the closed_at column is a last-update time that means "closed at"
 * only for closed requests (Open311 bulk exports without closed_date).
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

  static String norm(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }
}
