package org.civicpulse.ingest;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.civicpulse.privacy.Pseudonymizer;
import org.civicpulse.schema.FieldSpec;
import org.civicpulse.schema.Reasons;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;
import org.civicpulse.schema.ValidationContext;

/**
 * What a city311 mapping does to an export before anything is written to a lake: every row read through the
 * mapping and validated exactly as ingest stages it (City311Reader, RecordStager), then counted — rows that would
 * be quarantined by reason, values the mapping leaves unmapped with their row counts, and the local days the
 * requests span. Without reference files the community and category checks are skipped, and the report says so.
 */
public final class MappingCheck {
  /** The findings: read rows, quarantine reasons (code → rows), unmapped values per field, and the day range. */
  public record Result(long read, long valid, Map<String, Long> reasons, Map<String, Map<String, Long>> unmapped,
      long noArea, LocalDate first, LocalDate last, boolean referencesChecked) {
    public long quarantined() {
      return read - valid;
    }
  }

  private static final TableSchema REQUESTS = Schemas.get(Schemas.SERVICE_REQUESTS);

  private MappingCheck() {}

  /**
   * @param communities community ids of communities.csv, or null to skip the area check
   * @param categories category ids of categories.csv, or null to skip the category check
   */
  public static Result run(City311Mapping mapping, List<Path> files, Set<String> communities, Set<String> categories) {
    boolean refs = communities != null && categories != null;
    ValidationContext ctx = new ValidationContext(mapping.timeZone, refs ? communities : ANY, refs ? categories : ANY,
        Map.of(), Pseudonymizer.development());
    RecordStager stager = new RecordStager(REQUESTS, ctx);
    int created = REQUESTS.fieldNames().indexOf("created_at");
    long[] n = new long[3]; // read, valid, rows without an area
    Map<String, Long> reasons = new TreeMap<>();
    Map<String, Map<String, Long>> unmapped = new LinkedHashMap<>();
    for (String f : List.of("status", "channel", "category", "community_id")) {
      unmapped.put(f, new TreeMap<>());
    }
    LocalDate[] span = new LocalDate[2];
    City311Reader.forEachRecord(mapping, files, rec -> {
      n[0]++;
      Row row = stager.stage(rec, City311Reader.HEADER, "", 0);
      String[] why = (String[]) row.get(row.size() - 1); // a staged row ends with its reasons
      for (String r : why) {
        reasons.merge(Reasons.code(r), 1L, Long::sum);
      }
      if (why.length == 0) {
        n[1]++;
        LocalDate d = ((Timestamp) row.get(created)).toInstant().atZone(ctx.zone()).toLocalDate();
        span[0] = span[0] == null || d.isBefore(span[0]) ? d : span[0];
        span[1] = span[1] == null || d.isAfter(span[1]) ? d : span[1];
      }
      if (rec.fields() != null) {
        n[2] += countUnmapped(rec.fields(), unmapped, mapping, communities, categories);
      }
    });
    return new Result(n[0], n[1], reasons, unmapped, n[2], span[0], span[1], refs);
  }

  /** Adds the row's values that no mapping line or reference covers; returns 1 when the row has no area. */
  private static int countUnmapped(List<String> v, Map<String, Map<String, Long>> unmapped, City311Mapping m,
      Set<String> communities, Set<String> categories) {
    String status = v.get(City311Reader.HEADER.indexOf("status"));
    if (!status.isEmpty() && !allowed("status").contains(status)) {
      unmapped.get("status").merge(status, 1L, Long::sum);
    }
    String channel = v.get(City311Reader.HEADER.indexOf("channel"));
    if (!allowed("channel").contains(channel)) {
      unmapped.get("channel").merge(channel, 1L, Long::sum);
    }
    String category = v.get(City311Reader.HEADER.indexOf("category"));
    if (categories != null && !category.isEmpty() && !categories.contains(category)) {
      unmapped.get("category").merge(category, 1L, Long::sum);
    }
    String area = v.get(City311Reader.HEADER.indexOf("community_id"));
    if (communities != null && !communities.contains(area)) {
      unmapped.get("community_id").merge(area, 1L, Long::sum);
    }
    return m.columns.containsKey("community_id") && area.equals(Open311Reader.SINGLE_AREA) ? 1 : 0;
  }

  private static List<String> allowed(String field) {
    return REQUESTS.field(field).map(FieldSpec::allowed).orElse(List.of());
  }

  /** The report as printed: one finding a line, fixes named, most rows first. */
  public static String render(Result r, int maxValues) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "rows: %,d read, %,d would be curated, %,d would be quarantined (%.1f %%)%n",
        r.read(), r.valid(), r.quarantined(), r.read() == 0 ? 0.0 : 100.0 * r.quarantined() / r.read()));
    s.append("requests span: ").append(r.first() == null ? "no valid request" : r.first() + " … " + r.last()
        + " (local days of created_at)").append('\n');
    if (r.noArea() > 0) {
      s.append(String.format(Locale.ROOT, "no area: %,d rows (%.1f %%) have an empty area column and go to the single"
          + " area \"all\"%n", r.noArea(), 100.0 * r.noArea() / r.read()));
    }
    s.append("quarantine reasons (rows; a row may have several):").append(r.reasons().isEmpty() ? " none" : "").append('\n');
    r.reasons().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> s.append(String.format(Locale.ROOT, "  %-28s %,9d  (%.1f %%)%n", e.getKey(), e.getValue(),
            100.0 * e.getValue() / Math.max(1, r.read()))));
    for (Map.Entry<String, Map<String, Long>> f : r.unmapped().entrySet()) {
      Map<String, Long> vs = f.getValue();
      if (vs.isEmpty()) {
        continue;
      }
      String fix = switch (f.getKey()) {
        case "status" -> "add status.<value>=<status> lines (else: bad_enum)";
        case "channel" -> "add channel.<value>=<channel> lines or channel.*=other (else: bad_enum)";
        case "category" -> "group them with category. lines, or add them to categories.csv (else: unknown_category)";
        default -> "add them to communities.csv (else: unknown_community)";
      };
      s.append(f.getKey()).append(": ").append(vs.size()).append(" value(s) not covered, ").append(fix).append('\n');
      vs.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
          .thenComparing(Map.Entry.comparingByKey())).limit(maxValues)
          .forEach(e -> s.append(String.format(Locale.ROOT, "  %,9d  %s%n", e.getValue(), e.getKey())));
      if (vs.size() > maxValues) {
        s.append("  … and ").append(vs.size() - maxValues).append(" more\n");
      }
    }
    if (!r.referencesChecked()) {
      s.append("areas and categories: not checked against reference files (give --communities and --categories,"
          + " or write them with `civicpulse reference infer`)\n");
    }
    return s.toString();
  }

  /** A reference set that knows every id: the checks that need reference files are skipped without them. */
  private static final Set<String> ANY = new AbstractSet<>() {
    @Override
    public boolean contains(Object o) {
      return true;
    }

    @Override
    public Iterator<String> iterator() {
      return Collections.emptyIterator();
    }

    @Override
    public int size() {
      return 0;
    }
  };
}
