package org.civicpulse.ingest;

import java.io.BufferedReader;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a city's CSV export (header row with the city's column names) through {@link CsvRecordReader} and maps
 * each row to canonical landing values with a {@link City311Mapping}. Local times are parsed in the mapping's
 * zone and emitted as ISO-8601 with offset; values that do not parse pass through so validation quarantines
 * them with their line.
 */
public final class City311Reader extends HeaderFirstReader {
  public static final List<String> HEADER = Open311Reader.HEADER;
  private static final List<String> TIMES = List.of("created_at", "updated_at", "closed_at", "due_at");

  private final CsvRecordReader csv;
  private final City311Mapping m;
  private final DateTimeFormatter fmt;
  private final ZoneId zone;
  private Map<String, Integer> cols;

  public City311Reader(BufferedReader in, City311Mapping mapping) {
    super(HEADER);
    this.csv = new CsvRecordReader(in);
    this.m = mapping;
    this.fmt = DateTimeFormatter.ofPattern(mapping.timeFormat, Locale.ROOT);
    this.zone = ZoneId.of(mapping.timeZone);
  }

  /** Every mapped record of the files in order, the canonical header left out (the onboarding tools' one walk). */
  public static void forEachRecord(City311Mapping mapping, List<java.nio.file.Path> files,
      java.util.function.Consumer<RawRecord> each) {
    for (java.nio.file.Path file : files) {
      try (BufferedReader in = LandingFiles.reader(file)) {
        City311Reader records = new City311Reader(in, mapping);
        records.next(); // the canonical header
        records.forEachRemaining(each);
      } catch (java.io.IOException e) {
        throw new InputException("cannot read " + file + ": " + e.getMessage());
      }
    }
  }

  /** Reads every file as a city export mapped by the mapping (the adapter ingest uses for --format city311). */
  public static LandingAdapter adapter(City311Mapping mapping) {
    return in -> new City311Reader(in, mapping);
  }

  @Override
  RawRecord read() {
    if (cols == null) {
      if (!csv.hasNext()) {
        return null;
      }
      RawRecord h = csv.next();
      if (h.fields() == null) {
        throw new InputException("city311: unreadable header row");
      }
      cols = new HashMap<>();
      for (int i = 0; i < h.fields().size(); i++) {
        cols.putIfAbsent(h.fields().get(i).trim(), i);
      }
      for (Map.Entry<String, String> e : m.columns.entrySet()) {
        if (!cols.containsKey(e.getValue())) {
          throw new InputException("city311: column " + e.getValue() + " (mapped to " + e.getKey()
              + ") is not in the file's header");
        }
      }
    }
    if (!csv.hasNext()) {
      return null;
    }
    RawRecord r = csv.next();
    if (r.fields() == null || !r.structuralReasons().isEmpty()) {
      return new RawRecord(r.line(), r.raw(), null, r.structuralReasons());
    }
    List<String> v = new ArrayList<>(HEADER.size());
    for (String f : HEADER) {
      v.add(value(f, r.fields()));
    }
    keepSourceCategory(v, r.fields());
    if (m.closedAtOnlyWhenClosed && !"closed".equals(v.get(HEADER.indexOf("status")))) {
      // The column is a last-update time (Open311 bulk): a close time only for closed requests.
      v.set(HEADER.indexOf("closed_at"), "");
    }
    return new RawRecord(r.line(), r.raw(), v, List.of());
  }

  String value(String field, List<String> row) {
    String col = m.columns.get(field);
    String raw = "";
    if (col != null) {
      int i = cols.get(col);
      raw = i < row.size() ? row.get(i).trim() : "";
    }
    if (field.equals("channel")) {
      String c = m.channel.get(City311Mapping.norm(raw));
      return c != null ? c : m.channel.getOrDefault("*", raw.isEmpty() ? "other" : raw);
    }
    if (raw.isEmpty()) {
      return field.equals("community_id") ? Open311Reader.SINGLE_AREA : "";
    }
    if (TIMES.contains(field)) {
      return time(raw);
    }
    return switch (field) {
      case "status" -> m.status.getOrDefault(City311Mapping.norm(raw), raw.toLowerCase(Locale.ROOT));
      case "category" -> m.category(raw);
      default -> raw;
    };
  }

  /**
   * A category that a mapping rule grouped keeps its city type at the head of the description ("[Bulky Items]
   * …"): grouping hundreds of types into a dozen loses nothing.
   */
  private void keepSourceCategory(List<String> v, List<String> row) {
    String col = m.columns.get("category");
    if (col == null) {
      return;
    }
    int i = cols.get(col);
    String raw = i < row.size() ? row.get(i).trim() : "";
    int c = HEADER.indexOf("category");
    if (!raw.isEmpty() && !raw.equals(v.get(c))) {
      int d = HEADER.indexOf("description");
      v.set(d, v.get(d).isEmpty() ? "[" + raw + "]" : "[" + raw + "] " + v.get(d));
    }
  }

  String time(String raw) {
    try {
      // A pattern with an offset (Boston's ISO times) keeps the time's own offset; otherwise the city's zone.
      java.time.temporal.TemporalAccessor t = fmt.parseBest(raw, java.time.OffsetDateTime::from, LocalDateTime::from);
      java.time.OffsetDateTime odt = t instanceof java.time.OffsetDateTime o ? o
          : ((LocalDateTime) t).atZone(zone).toOffsetDateTime();
      return odt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      return raw; // validation quarantines it with its reason and line
    }
  }
}
