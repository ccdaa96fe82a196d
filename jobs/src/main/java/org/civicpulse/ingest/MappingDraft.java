package org.civicpulse.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A commented draft city311 mapping written from a sample of a city's export (docs/real-data.md, "Onboard a new
 * city"): each canonical field with the column guessed for it by name and by content and how sure the guess is,
 * the time format that parses the sampled times, one status. and channel. line per distinct value seen with a
 * guessed canonical value, and the distinct counts. Nothing is guessed silently: a field, value or zone without a
 * guess is a commented line saying so, and `mapping check` refuses a mapping without a time_zone.
 */
public final class MappingDraft {
  /** A column's guess for a field: the column, its confidence, and why. */
  public record Guess(String field, String column, String confidence, String why) {}

  /** Names (lower-case, letters and digits only) that say which field a column holds, best first. */
  static final Map<String, List<String>> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put("request_id", List.of("srnumber", "servicerequestid", "requestid", "casenumber", "caseid", "ticketid",
        "ticketnumber", "uniquekey", "requestnumber", "srid", "casereference", "incidentid", "reference",
        "referencenumber", "ref", "id"));
    NAMES.put("created_at", List.of("createddate", "requesteddatetime", "createdat", "datecreated", "opendate",
        "openeddate", "opened", "dateopened", "requestdate", "reporteddate", "datetimeinit", "datereceived",
        "receiveddate", "submitteddate", "createddatetime", "created", "reported", "received", "submitted"));
    NAMES.put("updated_at", List.of("updateddate", "updateddatetime", "lastupdated", "lastupdate", "updatedat",
        "lastmodified", "modifieddate", "dateupdated", "updated"));
    NAMES.put("closed_at", List.of("closeddate", "closedate", "closeddatetime", "closedat", "dateclosed",
        "datetimeclosed", "completeddate", "datecompleted", "resolutiondate", "resolveddate", "closed", "completed",
        "resolved"));
    NAMES.put("due_at", List.of("duedate", "expecteddatetime", "targetdate", "sladate", "duedatetime", "duedt",
        "datetimeclosedexp", "expecteddate"));
    NAMES.put("status", List.of("status", "casestatus", "srstatus", "requeststatus", "state"));
    NAMES.put("channel", List.of("requestsource", "source", "channel", "origin", "intakechannel", "method",
        "sourcechannel", "submittedvia", "reportedvia"));
    NAMES.put("category", List.of("requesttype", "servicename", "problemtype", "complainttype", "casetype",
        "servicerequesttype", "category", "type", "problemcode", "title", "servicecode"));
    NAMES.put("community_id", List.of("communityid", "community", "neighborhood", "neighbourhood", "councildistrict",
        "district", "ward", "cd", "area", "nc", "ncname", "borough", "zone", "precinct"));
    NAMES.put("lat", List.of("latitude", "lat", "ycoordinate", "y"));
    NAMES.put("lon", List.of("longitude", "lon", "lng", "long", "xcoordinate", "x"));
    NAMES.put("description", List.of("description", "details", "detail", "notes", "comments", "comment", "summary"));
  }

  private static final List<String> TIME_FIELDS = List.of("created_at", "updated_at", "closed_at", "due_at");
  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");

  /** Canonical statuses by the words a city's status value holds, most specific first. */
  static final Map<String, List<String>> STATUS_WORDS = new LinkedHashMap<>();
  /** Canonical channels by the words a city's channel value holds. */
  static final Map<String, List<String>> CHANNEL_WORDS = new LinkedHashMap<>();

  static {
    STATUS_WORDS.put("duplicate", List.of("duplicate", "dup"));
    STATUS_WORDS.put("rejected", List.of("cancel", "reject", "invalid", "void", "withdrawn", "denied", "not valid"));
    STATUS_WORDS.put("in_progress", List.of("progress", "working", "in work", "scheduled", "pending", "on hold"));
    STATUS_WORDS.put("assigned", List.of("assigned", "referred", "acknowledged", "dispatched"));
    STATUS_WORDS.put("closed", List.of("closed", "close", "complete", "resolved", "done", "fixed", "finished"));
    STATUS_WORDS.put("open", List.of("open", "new", "submitted", "received", "reported", "created", "active"));
    CHANNEL_WORDS.put("hotline", List.of("call", "phone", "hotline", "voicemail", "311", "telephone"));
    CHANNEL_WORDS.put("app", List.of("app", "mobile", "iphone", "android", "ios"));
    CHANNEL_WORDS.put("wechat", List.of("wechat", "weixin", "微信"));
    CHANNEL_WORDS.put("grid_worker", List.of("worker", "employee", "driver", "inspector", "staff", "internal", "grid"));
    CHANNEL_WORDS.put("walk_in", List.of("walk", "counter", "in person", "in-person"));
    CHANNEL_WORDS.put("sensor", List.of("sensor", "iot"));
    CHANNEL_WORDS.put("web", List.of("web", "self service", "email", "e-mail", "online", "portal", "internet",
        "twitter", "social"));
  }

  private final ExportSample sample;
  private final String zone;

  /** @param zone the zone of the export's local times as the user gave it, or null (left for the user) */
  public MappingDraft(ExportSample sample, String zone) {
    this.sample = sample;
    this.zone = zone;
  }

  /** The guess for each canonical field (column null when unresolved), in City311Mapping.FIELDS order. */
  public List<Guess> guesses() {
    List<Guess> out = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (String field : City311Mapping.FIELDS) {
      Guess g = guess(field, taken);
      if (g.column() != null) {
        taken.add(g.column());
      }
      out.add(g);
    }
    return out;
  }

  private Guess guess(String field, Set<String> taken) {
    List<String> rejected = new ArrayList<>();
    for (String name : NAMES.get(field)) {
      for (int i = 0; i < sample.header().size(); i++) {
        String col = sample.header().get(i);
        if (taken.contains(col) || !normal(col).equals(name)) {
          continue;
        }
        String content = contentProblem(field, i);
        if (content == null) {
          return new Guess(field, col, "high", "name and content: " + describe(i, field));
        }
        rejected.add(col + " (" + content + ")");
      }
    }
    Guess byContent = byContent(field, taken);
    if (byContent != null) {
      return byContent;
    }
    String why = "no column looks like " + field + (rejected.isEmpty() ? "" : "; name fits but content does not: "
        + String.join(", ", rejected));
    return new Guess(field, null, "none", why);
  }

  /** Why a column's sampled values do not fit a field, or null when they do. */
  private String contentProblem(String field, int i) {
    List<String> vs = nonEmpty(i);
    int n = sample.rows().size();
    if (vs.isEmpty()) {
      return "empty in the sample";
    }
    Set<String> distinct = new HashSet<>(vs);
    if (TIME_FIELDS.contains(field)) {
      TimeFormatGuess.Result t = TimeFormatGuess.guess(vs);
      return t.found() ? null : "not times a known pattern parses";
    }
    return switch (field) {
      // A repeated id is a later version of the same request (ingest keeps the latest); an empty one is no id.
      case "request_id" -> vs.size() == n && distinct.size() * 2 >= n ? null
          : (n - vs.size()) + " empty, " + (vs.size() - distinct.size()) + " repeated in " + n + " rows";
      case "status", "channel" -> distinct.size() <= 40 ? null : distinct.size() + " distinct values: too many for " + field;
      case "community_id" -> distinct.size() >= 2 && distinct.size() <= 2000 ? null : distinct.size() + " distinct values";
      case "lat" -> allNumbers(vs, -90, 90) ? null : "not latitudes";
      case "lon" -> allNumbers(vs, -180, 180) ? null : "not longitudes";
      default -> null;
    };
  }

  /** Latitude and longitude by content alone (a single unclaimed column of numbers in range), never the rest. */
  private Guess byContent(String field, Set<String> taken) {
    if (!field.equals("lat") && !field.equals("lon")) {
      return null;
    }
    List<String> fits = new ArrayList<>();
    for (int i = 0; i < sample.header().size(); i++) {
      String col = sample.header().get(i);
      List<String> vs = nonEmpty(i);
      if (!taken.contains(col) && !vs.isEmpty() && vs.stream().allMatch(v -> v.contains("."))
          && (field.equals("lat") ? allNumbers(vs, -90, 90) : allNumbers(vs, -180, 180) && !allNumbers(vs, -90, 90))) {
        fits.add(col);
      }
    }
    return fits.size() == 1 ? new Guess(field, fits.get(0), "medium", "content only: " + describe(
        sample.header().indexOf(fits.get(0)), field)) : null;
  }

  private List<String> nonEmpty(int i) {
    return sample.column(i).stream().filter(v -> !v.isEmpty()).toList();
  }

  private static boolean allNumbers(List<String> vs, double lo, double hi) {
    Predicate<String> ok = v -> NUMBER.matcher(v).matches() && Double.parseDouble(v) >= lo && Double.parseDouble(v) <= hi;
    return vs.stream().allMatch(ok);
  }

  private String describe(int i, String field) {
    List<String> vs = nonEmpty(i);
    int distinct = new HashSet<>(vs).size();
    String repeats = distinct < vs.size() && field.equals("request_id") ? ", " + (vs.size() - distinct)
        + " repeated ids (later versions of a request: ingest keeps the latest)" : "";
    return distinct + " distinct in " + sample.rows().size() + " rows, " + (sample.rows().size() - vs.size()) + " empty"
        + repeats;
  }

  static String normal(String header) {
    return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** The canonical value a city's value most likely means, or null when no word of it says. */
  static String canonical(String value, Map<String, List<String>> words) {
    String v = value.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, List<String>> e : words.entrySet()) {
      for (String w : e.getValue()) {
        // A word or the start of one: "cancel" finds "Cancelled", "complete" finds "Completed".
        if (Pattern.compile("(^|[^a-z])" + Pattern.quote(w)).matcher(v).find()) {
          return e.getKey();
        }
      }
    }
    return null;
  }

  /** The draft mapping file's text. */
  public String render() {
    List<Guess> guesses = guesses();
    StringBuilder s = new StringBuilder();
    s.append("# civicpulse city311 mapping: DRAFT written by `civicpulse mapping init` from ")
        .append(sample.file().getFileName()).append('\n');
    s.append("# Looked at the header and ").append(sample.rows().size())
        .append(sample.wholeFile() ? " rows (the whole file)" : " first rows").append(". Check every line, then run\n");
    s.append("#   civicpulse mapping check --mapping <this file> --requests <export>\n");
    s.append("# Format: docs/real-data.md (City CSV exports). Lines starting with # are ignored.\n#\n");
    s.append("# Columns of the export (distinct values / empty in the sample):\n");
    for (int i = 0; i < sample.header().size(); i++) {
      s.append(String.format(Locale.ROOT, "#   %-32s %7d distinct %7d empty%n", sample.header().get(i),
          new HashSet<>(nonEmpty(i)).size(), sample.rows().size() - nonEmpty(i).size()));
    }
    s.append("\n# Fields: the column guessed for each canonical field, and how sure the guess is.\n");
    for (Guess g : guesses) {
      if (g.column() != null) {
        s.append("# ").append(g.field()).append(": confidence ").append(g.confidence()).append(" (").append(g.why())
            .append(")\n");
        s.append("column.").append(g.field()).append('=').append(escape(g.column())).append('\n');
      } else {
        boolean required = City311Mapping.REQUIRED.contains(g.field());
        s.append("# ").append(g.field()).append(": UNRESOLVED, ").append(g.why())
            .append(required ? " (REQUIRED: name the column)" : g.field().equals("community_id")
                ? " (without it every request goes to the single area \"all\")" : " (optional)").append('\n');
        s.append("# column.").append(g.field()).append("=\n");
      }
    }
    appendTime(s, guesses);
    appendValues(s, guesses, "status", STATUS_WORDS, "open, assigned, in_progress, closed, rejected, duplicate");
    appendValues(s, guesses, "channel", CHANNEL_WORDS, "app, wechat, web, hotline, walk_in, grid_worker, sensor, other");
    appendCategories(s, guesses);
    return s.toString();
  }

  private void appendTime(StringBuilder s, List<Guess> guesses) {
    List<String> times = new ArrayList<>();
    List<String> cols = new ArrayList<>();
    for (Guess g : guesses) {
      if (TIME_FIELDS.contains(g.field()) && g.column() != null) {
        times.addAll(nonEmpty(sample.header().indexOf(g.column())));
        cols.add(g.column());
      }
    }
    TimeFormatGuess.Result t = TimeFormatGuess.guess(times);
    s.append("\n# Times (").append(String.join(", ", cols)).append("): ").append(t.note()).append('\n');
    if (t.found()) {
      s.append("time_format=").append(t.pattern()).append('\n');
    } else {
      s.append("# time_format=   (REQUIRED: a java.time pattern, e.g. MM/dd/yyyy hh:mm:ss a)\n");
    }
    boolean offset = t.found() && t.pattern().endsWith("XXX");
    if (zone != null) {
      s.append("# the zone of the export's local times, as given with --zone\ntime_zone=").append(zone).append('\n');
    } else if (offset) {
      s.append("# the times carry their own UTC offset; the zone is only for any that do not\ntime_zone=UTC\n");
    } else {
      s.append("# time_zone=   (REQUIRED, CONFIRM: the zone the city's clocks show, e.g. America/Los_Angeles;"
          + " the times carry no offset, so it cannot be read from them. Or rerun with --zone.)\n");
    }
  }

  private void appendValues(StringBuilder s, List<Guess> guesses, String field, Map<String, List<String>> words,
      String allowed) {
    Guess g = guesses.stream().filter(x -> x.field().equals(field)).findFirst().orElseThrow();
    if (g.column() == null) {
      return;
    }
    Map<String, Integer> counts = counts(sample.header().indexOf(g.column()));
    s.append("\n# ").append(field).append(" values seen (").append(counts.size()).append(" distinct; rows in the sample);")
        .append(" canonical values: ").append(allowed).append('\n');
    // .properties has no end-of-line comments: each line's note goes on the line before it.
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      String c = e.getKey().isEmpty() ? null : canonical(e.getKey(), words);
      String key = field + "." + escape(e.getKey());
      String rows = e.getValue() + (e.getValue() == 1 ? " row" : " rows");
      if (e.getKey().isEmpty()) {
        s.append("# ").append(rows).append(" with no ").append(field).append(field.equals("channel")
            ? ": channel.* below covers them" : ": ingest quarantines them (missing_required)").append('\n');
      } else if (c != null) {
        s.append("# '").append(e.getKey()).append("': ").append(rows).append(", guessed\n");
        s.append(key).append('=').append(c).append('\n');
      } else {
        s.append("# '").append(e.getKey()).append("': ").append(rows).append(", NO GUESS: choose one of ").append(allowed)
            .append(field.equals("channel") ? " (or leave it to channel.* below)" : " (else ingest quarantines them: bad_enum)")
            .append('\n');
        s.append("# ").append(key).append("=\n");
      }
    }
    if (field.equals("channel")) {
      s.append("# every other channel value, and an empty one\nchannel.*=other\n");
    }
  }

  private void appendCategories(StringBuilder s, List<Guess> guesses) {
    Guess g = guesses.stream().filter(x -> x.field().equals("category")).findFirst().orElseThrow();
    if (g.column() == null) {
      return;
    }
    int n = counts(sample.header().indexOf(g.column())).size();
    s.append("\n# category: ").append(n).append(" distinct values of ").append(g.column()).append(" in the sample.")
        .append(" Each becomes a category as it is, unless grouped:\n")
        .append("#   category.<city value>=<category>        one value\n")
        .append("#   category.prefix.<prefix>=<category>      every value starting with the prefix (longest wins)\n")
        .append("#   category.regex.<n>=<regex> -> <category>  ordered by n; the first whole match wins\n")
        .append("# A grouped request keeps its city type at the head of its description, e.g. \"[Bulky Items] …\".\n")
        .append("# `civicpulse reference infer` then lists every category and area for categories.csv and communities.csv.\n");
  }

  /** value → rows in the sample, most frequent first (ties by value). */
  private Map<String, Integer> counts(int i) {
    Map<String, Integer> c = new java.util.HashMap<>();
    for (String v : sample.column(i)) {
      c.merge(v, 1, Integer::sum);
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    c.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey())).forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** A key or value as a .properties line needs it (spaces, separators and comment marks escaped). */
  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == ' ' || ch == '=' || ch == ':' || ch == '#' || ch == '!' || ch == '\\') {
        b.append('\\');
      }
      b.append(ch);
    }
    return b.toString();
  }
}
