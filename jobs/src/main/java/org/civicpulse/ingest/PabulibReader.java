package org.civicpulse.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicpulse.schema.Reasons;

/**
 * Reads a Pabulib participatory-budgeting file (.pb: ';'-separated sections META, PROJECTS, VOTES) line by line,
 * so a large file is never held in memory. Each VOTES row is one ballot, hence one participation record of type
 * vote; META gives the instance, the area and the voting period. Projects are not participation and are skipped.
 */
public final class PabulibReader extends HeaderFirstReader {
  /** Files of this format under a folder. */
  public static final String EXTENSION = ".pb";
  /** The collection whose META puts the ballot format in subunit and the city and ward in instance. */
  static final String STANFORD = "Stanford Dataset";

  private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);

  private enum Section { NONE, META, PROJECTS, VOTES }

  private final BufferedReader in;
  private final Map<String, String> meta = new HashMap<>();
  private Section section = Section.NONE;
  private boolean headerDue;
  private List<String> voteHeader;
  private long line;

  public PabulibReader(BufferedReader in) {
    super(FactHeaders.PARTICIPATION);
    this.in = in;
  }

  @Override
  RawRecord read() {
    try {
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        line++;
        RawRecord r = accept(text);
        if (r != null) {
          return r;
        }
      }
      in.close();
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Takes one physical line: section headers and META/PROJECTS lines update state; a ballot is a record. */
  private RawRecord accept(String text) {
    String s = text.replace("\uFEFF", "").strip();
    if (s.isEmpty()) {
      return null;
    }
    Section named = sectionNamed(s);
    if (named != null) {
      section = named;
      headerDue = true;
      return null;
    }
    if (headerDue) { // the column line under a section name
      headerDue = false;
      if (section == Section.VOTES) {
        voteHeader = Arrays.asList(s.split(";", -1));
      }
      return null;
    }
    return switch (section) {
      case META -> putMeta(s);
      case PROJECTS -> null;
      case VOTES -> ballot(text, s);
      case NONE -> new RawRecord(line, text, null,
          List.of(Reasons.of(Reasons.BAD_SECTION, "line before any META / PROJECTS / VOTES section")));
    };
  }

  private static Section sectionNamed(String s) {
    return switch (s.toUpperCase(Locale.ROOT)) {
      case "META" -> Section.META;
      case "PROJECTS" -> Section.PROJECTS;
      case "VOTES" -> Section.VOTES;
      default -> null;
    };
  }

  private RawRecord putMeta(String s) {
    int sep = s.indexOf(';');
    if (sep > 0) {
      meta.put(s.substring(0, sep).strip(), unquote(s.substring(sep + 1).strip()));
    }
    return null;
  }

  private RawRecord ballot(String raw, String s) {
    String[] f = s.split(";", -1);
    if (f.length != voteHeader.size()) {
      String code = f.length > voteHeader.size() ? Reasons.TOO_MANY_FIELDS : Reasons.TOO_FEW_FIELDS;
      return new RawRecord(line, raw, null,
          List.of(Reasons.of(code, f.length + " fields, VOTES header has " + voteHeader.size())));
    }
    String voter = column(f, "voter_id");
    String activity = activityId();
    List<String> v = List.of(
        SourceValues.joinedOrEmpty(":", activity, voter),
        occurredAt(),
        community(column(f, "district")),
        "vote",
        activity,
        // Voter ids are numbered per PB instance, so the pseudonym input is scoped by it.
        SourceValues.joinedOrEmpty("/", activity, voter),
        "resident");
    return new RawRecord(line, raw, v, List.of());
  }

  private String column(String[] f, String name) {
    int i = voteHeader.indexOf(name);
    return i < 0 ? "" : unquote(f[i].strip());
  }

  /** "pb:" + the instance's country, unit, district or subunit and instance; empty without META. */
  String activityId() {
    String key = String.join(" ", meta.getOrDefault("country", ""), meta.getOrDefault("unit", ""),
        firstOf("district", "subunit"),
        meta.getOrDefault("instance", ""));
    String slug = SourceValues.slug(key);
    return slug.isEmpty() ? "" : "pb:" + slug;
  }

  /**
   * The area: the city (unit; for the Stanford collection its instance, e.g. "PB Chicago 47th Ward 2022"), then
   * the ballot's own district column where the file has one, else META district or subunit.
   */
  String community(String voterDistrict) {
    boolean stanford = STANFORD.equals(meta.get("unit"));
    String city = stanford ? meta.getOrDefault("instance", "") : meta.getOrDefault("unit", "");
    String area = !voterDistrict.isEmpty() ? voterDistrict : stanford ? "" : firstOf("district", "subunit");
    return SourceValues.slug(city + " " + area);
  }

  private String firstOf(String a, String b) {
    String v = meta.getOrDefault(a, "");
    return v.isBlank() ? meta.getOrDefault(b, "") : v;
  }

  /**
   * Ballots carry no time: every ballot is dated the end of the voting period, noon local (date_end, else
   * date_begin; dd.MM.yyyy, or a bare year meaning its 31 December). An unreadable date passes through so
   * validation quarantines it as bad_timestamp; none at all is missing_required.
   */
  String occurredAt() {
    String d = firstOf("date_end", "date_begin").strip();
    if (d.isEmpty()) {
      return "";
    }
    try {
      return SourceValues.noon(d.matches("\\d{4}") ? LocalDate.of(Integer.parseInt(d), 12, 31)
          : LocalDate.parse(d, DOTTED));
    } catch (DateTimeParseException e) {
      return d;
    }
  }

  private static String unquote(String v) {
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1).replace("\"\"", "\"") : v;
  }
}
