package org.civicpulse.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.civicpulse.stats.HolidayCalendar;

/**
 * Writes a realistic synthetic landing set, day by day, never holding more than one day in memory:
 * communities.csv, categories.csv, requests-YYYY.csv.gz, feedback-YYYY.csv.gz, participation-YYYY.csv.gz and
 * manifest.json (planted anomalies, malformed rows with their lines). Deterministic for a spec.
 */
public final class SampleGenerator {
  static final String[] REQUEST_HEADER = {"request_id", "created_at", "updated_at", "community_id", "category", "channel",
      "status", "acknowledged_at", "closed_at", "due_at", "provider_id", "provider_type", "priority", "resident_id", "phone",
      "lat", "lon", "description", "reopened_count"};
  static final String[] FEEDBACK_HEADER = {"feedback_id", "submitted_at", "community_id", "request_id", "rating", "channel",
      "comment", "resident_id", "phone"};
  static final String[] PARTICIPATION_HEADER = {"participation_id", "occurred_at", "community_id", "activity_type",
      "activity_id", "participant_role", "duration_minutes", "resident_id", "phone"};
  static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final GeneratorSpec spec;
  private final SplittableRandom rnd;
  private final List<Catalogue.Community> communities;
  private final List<Catalogue.Category> categories = Catalogue.categories();
  private final DemandModel demand;
  private final List<Map<String, Object>> anomalies = new ArrayList<>();
  private final List<Map<String, Object>> malformed = new ArrayList<>();
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final RequestLifecycle lifecycle;
  private final MalformedRows bad;
  private double scale;
  /** Participation ids run across years: a per-year counter would repeat ids (conflicting ids at ingest). */
  private long participationSeq;

  public SampleGenerator(GeneratorSpec spec) {
    this.spec = spec;
    this.rnd = new SplittableRandom(spec.seed());
    this.communities = Catalogue.communities(spec.communities(), rnd.split());
    this.demand = new DemandModel(HolidayCalendar.load("CN"), spec.start());
    this.lifecycle = new RequestLifecycle(spec.end().plusDays(1).atStartOfDay(), rnd.split());
    this.bad = new MalformedRows(rnd.split(), malformed);
  }

  /** Summary of a run: rows written per kind and the files. */
  public record GenerateSummary(long requests, long feedback, long participation, long malformed, List<Path> files) {}

  public GenerateSummary run(Consumer<String> progress) throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(ReferenceFiles.writeCommunities(spec.out().resolve("communities.csv"), communities));
    files.add(ReferenceFiles.writeCategories(spec.out().resolve("categories.csv"), categories));
    planAnomalies();
    scale = spec.requests() / totalExpected();
    long requests = 0;
    long feedback = 0;
    long participation = 0;
    for (int year = spec.start().getYear(); year <= spec.end().getYear(); year++) {
      LocalDate from = year == spec.start().getYear() ? spec.start() : LocalDate.of(year, 1, 1);
      LocalDate to = year == spec.end().getYear() ? spec.end() : LocalDate.of(year, 12, 31);
      Path rf = spec.out().resolve("requests-" + year + ".csv.gz");
      Path ff = spec.out().resolve("feedback-" + year + ".csv.gz");
      Path pf = spec.out().resolve("participation-" + year + ".csv.gz");
      try (CsvSink r = new CsvSink(rf, REQUEST_HEADER); CsvSink f = new CsvSink(ff, FEEDBACK_HEADER);
          CsvSink p = new CsvSink(pf, PARTICIPATION_HEADER)) {
        YearWriter w = new YearWriter(r, f, p, rf.getFileName().toString(), ff.getFileName().toString(),
            pf.getFileName().toString());
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
          writeDay(d, w);
        }
        w.finishYear();
        requests += r.records();
        feedback += f.records();
        participation += p.records();
      }
      files.add(rf);
      files.add(ff);
      files.add(pf);
      progress.accept("generated " + year + ": " + requests + " request rows so far");
    }
    counts.put("requests", requests);
    counts.put("feedback", feedback);
    counts.put("participation", participation);
    files.add(writeManifest());
    return new GenerateSummary(requests, feedback, participation, malformed.size(), files);
  }

  private double totalExpected() {
    double sum = 0;
    for (LocalDate d = spec.start(); !d.isAfter(spec.end()); d = d.plusDays(1)) {
      for (Catalogue.Community c : communities) {
        for (Catalogue.Category k : categories) {
          sum += demand.expected(c, k, d);
        }
      }
    }
    return sum;
  }

  /** A few bursts of one category in one community, two or three days long, listed in the manifest. */
  private void planAnomalies() {
    long days = spec.end().toEpochDay() - spec.start().toEpochDay();
    int n = Math.max(3, (int) (days / 300));
    for (int i = 0; i < n; i++) {
      Catalogue.Community c = communities.get(rnd.nextInt(communities.size()));
      Catalogue.Category k = categories.get(new int[] {4, 5, 6, 7}[rnd.nextInt(4)]);
      LocalDate start = spec.start().plusDays(70 + (days - 100) * (i + 1) / (n + 1));
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("community_id", c.id());
      a.put("category", k.code());
      a.put("start", start.toString());
      a.put("days", 2);
      a.put("extra_per_day", 25);
      anomalies.add(a);
    }
  }

  private int planted(Catalogue.Community c, Catalogue.Category k, LocalDate d) {
    for (Map<String, Object> a : anomalies) {
      LocalDate s = LocalDate.parse((String) a.get("start"));
      if (a.get("community_id").equals(c.id()) && a.get("category").equals(k.code()) && !d.isBefore(s)
          && d.isBefore(s.plusDays((Integer) a.get("days")))) {
        return (Integer) a.get("extra_per_day");
      }
    }
    return 0;
  }

  private void writeDay(LocalDate d, YearWriter w) throws IOException {
    for (Catalogue.Community c : communities) {
      for (Catalogue.Category k : categories) {
        int n = Poisson.draw(rnd, demand.expected(c, k, d) * scale) + planted(c, k, d);
        for (int i = 0; i < n; i++) {
          RequestLifecycle.Request req = lifecycle.next(c, k, d);
          w.request(req);
        }
      }
      int p = Poisson.draw(rnd, participationRate(c, d));
      for (int i = 0; i < p; i++) {
        w.participation(ParticipationRows.row(rnd, c, d, w.nextParticipationId()));
      }
    }
  }

  /** About 0.6 participation records per request, with a monthly rhythm: busiest in each month's first week. */
  private double participationRate(Catalogue.Community c, LocalDate d) {
    double base = 0.6 * scale * c.scale() * categories.stream().mapToDouble(Catalogue.Category::weight).sum();
    double rhythm = d.getDayOfMonth() <= 7 ? 1.6 : 0.85;
    return base * rhythm * demand.dayFactor(d);
  }

  private Path writeManifest() throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("communities", spec.communities());
    s.put("start", spec.start().toString());
    s.put("end", spec.end().toString());
    s.put("seed", spec.seed());
    s.put("requests", spec.requests());
    s.put("malformed_share", spec.malformedShare());
    m.put("spec", s);
    m.put("rows", counts);
    m.put("anomalies", anomalies);
    m.put("malformed", malformed);
    Path file = spec.out().resolve("manifest.json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), m);
    return file;
  }

  /** Writes one year's three files, mixing in malformed rows and repeated ids at the spec's share. */
  private final class YearWriter {
    private final CsvSink requests;
    private final CsvSink feedback;
    private final CsvSink participation;
    private final String rName;
    private final String fName;
    private final String pName;
    private final List<Object[]> repeats = new ArrayList<>();

    YearWriter(CsvSink r, CsvSink f, CsvSink p, String rName, String fName, String pName) {
      this.requests = r;
      this.feedback = f;
      this.participation = p;
      this.rName = rName;
      this.fName = fName;
      this.pName = pName;
    }

    long nextParticipationId() {
      return ++participationSeq;
    }

    void request(RequestLifecycle.Request req) throws IOException {
      if (rnd.nextDouble() < spec.malformedShare()) {
        bad.request(requests, rName, req.row());
      }
      requests.write(req.row());
      if (rnd.nextDouble() < 0.0005) {
        repeats.add(req.row());
      }
      Object[] fb = req.feedback();
      if (fb != null) {
        if (rnd.nextDouble() < spec.malformedShare()) {
          bad.feedback(feedback, fName, fb);
        }
        feedback.write(fb);
      }
    }

    void participation(Object[] row) throws IOException {
      if (rnd.nextDouble() < spec.malformedShare()) {
        bad.participation(participation, pName, row);
      }
      participation.write(row);
    }

    /** Exact repeats (counted unchanged) and later versions (counted updated) at the end of the year's file. */
    void finishYear() throws IOException {
      for (Object[] row : repeats) {
        requests.write(row);
        Object[] later = lifecycle.laterVersion(row);
        if (later != null) {
          long line = requests.write(later);
          bad.note(rName, line, "updated");
        }
      }
    }
  }
}
