package org.civicpulse.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.civicpulse.stats.HolidayCalendar;

/**
 * Writes a realistic synthetic landing folder (reference files, yearly gzip CSVs of requests, feedback and
 * participation, manifest.json) for a spec. Streams day by day, so memory does not grow with --requests, and
 * draws from one seeded random stream per purpose, so the same spec always gives byte-identical files.
 */
public final class SampleGenerator {
  // Share of valid rows repeated as an exact duplicate / exported twice (earlier state, then the later one).
  static final double EXACT_DUPLICATE_SHARE = 0.0006;
  static final double LATER_VERSION_SHARE = 0.0006;
  static final double CONFLICTING_FEEDBACK_SHARE = 0.001;
  static final double DUPLICATE_FEEDBACK_SHARE = 0.0005;
  static final double DUPLICATE_PARTICIPATION_SHARE = 0.0005;
  private static final double DAY_NOISE_SIGMA = 0.15;

  private final GeneratorSpec spec;
  private final LocalTimes times = new LocalTimes();

  public SampleGenerator(GeneratorSpec spec) {
    this.spec = spec;
  }

  /** Generates every file into spec.out(), reporting progress lines (for stderr) as it goes. */
  public GenerateSummary run(Consumer<String> progress) throws IOException {
    Path out = spec.out();
    Files.createDirectories(out);
    HolidayCalendar calendar = HolidayCalendar.load("CN");
    CommunityCatalogue communities = new CommunityCatalogue(spec.communities(), spec.seed());
    CategoryCatalogue categories = new CategoryCatalogue();
    DemandModel demand = new DemandModel(communities, categories, calendar, spec.start(), spec.end(),
        spec.requests());
    AnomalyPlan anomalies = new AnomalyPlan(spec, communities, categories, demand);
    Residents residents = new Residents(spec.seed(), communities);
    Texts texts = new Texts();
    Manifest manifest = new Manifest(spec);
    manifest.anomalies(anomalies.all());

    List<Path> files = new ArrayList<>();
    long n = ReferenceWriter.communities(out.resolve("communities.csv"), communities);
    manifest.file(new Manifest.FileEntry("communities.csv", "communities", n, 0, 0, 0));
    files.add(out.resolve("communities.csv"));
    n = ReferenceWriter.categories(out.resolve("categories.csv"), categories);
    manifest.file(new Manifest.FileEntry("categories.csv", "categories", n, 0, 0, 0));
    files.add(out.resolve("categories.csv"));

    long requestRows;
    long feedbackRows;
    long participationRows;
    try (YearlyCsvWriter requests = new YearlyCsvWriter(out, "requests", "service_requests", RequestRecord.HEADER);
        YearlyCsvWriter feedback = new YearlyCsvWriter(out, "feedback", "feedback", FeedbackModel.HEADER)) {
      new RequestPass(communities, categories, demand, anomalies, residents, texts, manifest, requests, feedback,
          calendar).run(progress);
      requestRows = addFiles(manifest, requests, files);
      feedbackRows = addFiles(manifest, feedback, files);
    }
    try (YearlyCsvWriter participation =
        new YearlyCsvWriter(out, "participation", "participation", ParticipationModel.HEADER)) {
      participationPass(new ParticipationModel(spec, communities, calendar, residents), participation, manifest,
          progress);
      participationRows = addFiles(manifest, participation, files);
    }
    manifest.write(out.resolve("manifest.json"));
    files.add(out.resolve("manifest.json"));
    progress.accept("generate: done: " + requestRows + " request rows, " + feedbackRows + " feedback rows, "
        + participationRows + " participation rows, " + manifest.malformedCount() + " malformed");
    return new GenerateSummary(requestRows, feedbackRows, participationRows, manifest.malformedCount(), files);
  }

  private static long addFiles(Manifest manifest, YearlyCsvWriter writer, List<Path> files) {
    long rows = 0;
    for (YearlyCsvWriter.FileStats s : writer.allStats()) {
      manifest.file(new Manifest.FileEntry(s.name, s.dataset, s.rows, s.malformed, s.unchanged, s.updated));
      rows += s.rows;
    }
    files.addAll(writer.files());
    return rows;
  }

  /** Requests and, in the same day loop, the feedback they lead to (held in time order until its day). */
  private final class RequestPass {
    private final CommunityCatalogue communities;
    private final CategoryCatalogue categories;
    private final DemandModel demand;
    private final AnomalyPlan anomalies;
    private final Residents residents;
    private final Texts texts;
    private final Manifest manifest;
    private final YearlyCsvWriter requests;
    private final YearlyCsvWriter feedback;
    private final RequestLifecycle lifecycle;
    private final EquityPlant plant;
    private final FeedbackModel feedbackModel;
    private final SplittableRandom counts = new SplittableRandom(spec.seed() ^ 0x52657131L);
    private final SplittableRandom details = new SplittableRandom(spec.seed() ^ 0x52657132L);
    private final SplittableRandom quality = new SplittableRandom(spec.seed() ^ 0x52657133L);
    private final SplittableRandom ratings = new SplittableRandom(spec.seed() ^ 0x46656231L);
    private final SplittableRandom feedbackQuality = new SplittableRandom(spec.seed() ^ 0x46656232L);
    private final MalformedInjector requestInjector;
    private final MalformedInjector feedbackInjector;
    private final PriorityQueue<FeedbackModel.Pending> pending = new PriorityQueue<>((a, b) ->
        a.submitted() != b.submitted() ? Long.compare(a.submitted(), b.submitted()) : Long.compare(a.seq(), b.seq()));
    private long requestSeq;
    private long feedbackSeq;

    RequestPass(CommunityCatalogue communities, CategoryCatalogue categories, DemandModel demand,
        AnomalyPlan anomalies, Residents residents, Texts texts, Manifest manifest, YearlyCsvWriter requests,
        YearlyCsvWriter feedback, HolidayCalendar calendar) {
      this.communities = communities;
      this.categories = categories;
      this.demand = demand;
      this.anomalies = anomalies;
      this.residents = residents;
      this.texts = texts;
      this.manifest = manifest;
      this.requests = requests;
      this.feedback = feedback;
      this.plant = EquityPlant.of(spec.plantEquity(), categories);
      this.lifecycle = new RequestLifecycle(calendar, spec.end(), plant);
      this.feedbackModel = new FeedbackModel(texts, residents);
      this.requestInjector = new MalformedInjector(MalformedInjector.Dataset.REQUESTS, spec.malformedShare(),
          spec.communities(), quality);
      this.feedbackInjector = new MalformedInjector(MalformedInjector.Dataset.FEEDBACK, spec.malformedShare(),
          spec.communities(), feedbackQuality);
    }

    void run(Consumer<String> progress) throws IOException {
      List<RequestRecord> today = new ArrayList<>();
      List<String[]> laterVersions = new ArrayList<>();
      List<Long> laterFirstLines = new ArrayList<>();
      List<String[]> duplicates = new ArrayList<>();
      List<Long> duplicateFirstLines = new ArrayList<>();
      double[] trend = new double[communities.size()];
      for (LocalDate d = spec.start(); !d.isAfter(spec.end()); d = d.plusDays(1)) {
        flushFeedback(LocalTimes.startOf(d));
        double dayFactor = demand.dayFactor(d);
        int doy = d.getDayOfYear();
        today.clear();
        for (Community c : communities.all()) {
          trend[c.index()] = demand.trend(c, d);
          // A shared day effect per community (weather, a notice in the group chat) makes counts overdispersed.
          double noise = Math.exp(DAY_NOISE_SIGMA * Draws.gaussian(counts) - DAY_NOISE_SIGMA * DAY_NOISE_SIGMA / 2);
          for (Category k : categories.all()) {
            double lambda = demand.base(c, k, doy) * trend[c.index()] * dayFactor * noise * plant.demandFactor(c, k);
            int count = Draws.poisson(counts, lambda);
            int extra = anomalies.extra(c.id(), k.code(), d);
            for (int i = 0; i < count + extra; i++) {
              RequestRecord q = new RequestRecord();
              q.community = c;
              q.category = k;
              q.created = i < count ? lifecycle.createdAt(counts, d)
                  : LocalTimes.startOf(d) + 7 * LocalTimes.HOUR + counts.nextInt(13 * 3600);
              today.add(q);
            }
          }
        }
        today.sort((a, b) -> Long.compare(a.created, b.created));
        int year = d.getYear();
        for (RequestRecord q : today) {
          fill(q);
          String[] row = q.toRow(times);
          YearlyCsvWriter.FileStats stats = requests.stats(year);
          if (requestInjector.hit(quality)) {
            MalformedInjector.Corruption bad = requestInjector.corrupt(row, quality, times);
            long line = bad.rawLine() != null ? requests.writeRaw(year, bad.rawLine())
                : requests.write(year, bad.fields());
            stats.malformed++;
            manifest.malformed(new Manifest.MalformedRow(stats.name, line, bad.reason(), bad.field(), q.requestId));
            continue; // a quarantined request gets no feedback: nothing downstream would link it
          }
          double u = quality.nextDouble();
          if (u < LATER_VERSION_SHARE && q.isClosed() && q.progressAt != RequestRecord.NONE) {
            String[] earlier = row.clone();
            earlier[2] = times.format(q.progressAt);
            earlier[6] = "in_progress";
            earlier[8] = "";
            earlier[18] = "0";
            laterFirstLines.add(requests.write(year, earlier));
            laterVersions.add(row);
          } else {
            long line = requests.write(year, row);
            if (u > 1 - EXACT_DUPLICATE_SHARE) {
              duplicates.add(row);
              duplicateFirstLines.add(line);
            }
          }
          FeedbackModel.Pending p = feedbackModel.forRequest(ratings, q, lifecycle.asOf());
          if (p != null) {
            pending.add(p);
            if (ratings.nextDouble() < FeedbackModel.GENERAL_SHARE / (1 - FeedbackModel.GENERAL_SHARE)) {
              FeedbackModel.Pending g = feedbackModel.general(ratings, q.community, p.submitted(), lifecycle.asOf());
              if (g != null) {
                pending.add(g);
              }
            }
          }
        }
        // Re-exports arrive at the end of the day's extract, after the rows they repeat.
        YearlyCsvWriter.FileStats stats = requests.stats(year);
        for (int i = 0; i < laterVersions.size(); i++) {
          long line = requests.write(year, laterVersions.get(i));
          stats.updated++;
          manifest.repeated(new Manifest.RepeatedId(stats.name, line, laterFirstLines.get(i), laterVersions.get(i)[0],
              "later_version"));
        }
        for (int i = 0; i < duplicates.size(); i++) {
          long line = requests.write(year, duplicates.get(i));
          stats.unchanged++;
          manifest.repeated(new Manifest.RepeatedId(stats.name, line, duplicateFirstLines.get(i),
              duplicates.get(i)[0], "exact_duplicate"));
        }
        laterVersions.clear();
        laterFirstLines.clear();
        duplicates.clear();
        duplicateFirstLines.clear();
        if (d.getDayOfMonth() == d.lengthOfMonth() || d.equals(spec.end())) {
          progress.accept("generate: requests through " + d + ": " + requestSeq + " requests");
        }
      }
      flushFeedback(Long.MAX_VALUE);
    }

    private void fill(RequestRecord q) {
      SplittableRandom r = details;
      q.requestId = "SR" + Residents.pad(++requestSeq, 9);
      q.channel = lifecycle.channel(r, q.category, q.created);
      lifecycle.live(r, q);
      double u = r.nextDouble();
      long resident = residents.draw(r, q.community);
      if (u < 0.02) {
        // Anonymous hotline calls: no identifier at all.
        q.residentId = "";
        q.phone = "";
      } else if (u < 0.10) {
        q.residentId = "";
        q.phone = residents.phone(resident);
      } else {
        q.residentId = Residents.id(resident);
        q.phone = r.nextDouble() < 0.55 ? residents.phone(resident) : "";
      }
      q.lat = fixed6(q.community.lat() + 0.002 * Draws.gaussian(r));
      q.lon = fixed6(q.community.lon() + 0.0023 * Draws.gaussian(r));
      q.description = texts.description(r, q.category);
    }

    private void flushFeedback(long before) throws IOException {
      while (!pending.isEmpty() && pending.peek().submitted() < before) {
        FeedbackModel.Pending p = pending.poll();
        String id = "FB" + Residents.pad(++feedbackSeq, 9);
        String[] row = FeedbackModel.toRow(id, p, times);
        int year = LocalTimes.yearOf(p.submitted());
        YearlyCsvWriter.FileStats stats = feedback.stats(year);
        if (feedbackInjector.hit(feedbackQuality)) {
          MalformedInjector.Corruption bad = feedbackInjector.corrupt(row, feedbackQuality, times);
          long line = bad.rawLine() != null ? feedback.writeRaw(year, bad.rawLine()) : feedback.write(year, bad.fields());
          stats.malformed++;
          manifest.malformed(new Manifest.MalformedRow(stats.name, line, bad.reason(), bad.field(), id));
          continue;
        }
        long line = feedback.write(year, row);
        double u = feedbackQuality.nextDouble();
        if (u < CONFLICTING_FEEDBACK_SHARE) {
          // The same id sent again with another rating: ingest must not guess which one is true.
          String[] conflict = row.clone();
          conflict[4] = Integer.toString(p.rating() % 5 + 1);
          conflict[6] = p.comment().isEmpty() ? "修改评价" : p.comment() + "（修改）";
          long second = feedback.write(year, conflict);
          stats.malformed++;
          manifest.malformed(new Manifest.MalformedRow(stats.name, second, "conflicting_id", "feedback_id", id));
          manifest.repeated(new Manifest.RepeatedId(stats.name, second, line, id, "conflicting_id"));
        } else if (u > 1 - DUPLICATE_FEEDBACK_SHARE) {
          long second = feedback.write(year, row);
          stats.unchanged++;
          manifest.repeated(new Manifest.RepeatedId(stats.name, second, line, id, "exact_duplicate"));
        }
      }
    }
  }

  private void participationPass(ParticipationModel model, YearlyCsvWriter writer, Manifest manifest,
      Consumer<String> progress) throws IOException {
    SplittableRandom rows = new SplittableRandom(spec.seed() ^ 0x50617231L);
    SplittableRandom quality = new SplittableRandom(spec.seed() ^ 0x50617232L);
    MalformedInjector injector = new MalformedInjector(MalformedInjector.Dataset.PARTICIPATION,
        spec.malformedShare(), spec.communities(), quality);
    long seq = 0;
    for (LocalDate d = spec.start(); !d.isAfter(spec.end()); d = d.plusDays(1)) {
      int year = d.getYear();
      for (ParticipationModel.Row p : model.day(rows, d)) {
        String id = "PA" + Residents.pad(++seq, 9);
        String[] row = ParticipationModel.toRow(id, p, times);
        YearlyCsvWriter.FileStats stats = writer.stats(year);
        if (injector.hit(quality)) {
          MalformedInjector.Corruption bad = injector.corrupt(row, quality, times);
          long line = bad.rawLine() != null ? writer.writeRaw(year, bad.rawLine()) : writer.write(year, bad.fields());
          stats.malformed++;
          manifest.malformed(new Manifest.MalformedRow(stats.name, line, bad.reason(), bad.field(), id));
          continue;
        }
        long line = writer.write(year, row);
        if (quality.nextDouble() < DUPLICATE_PARTICIPATION_SHARE) {
          long second = writer.write(year, row);
          stats.unchanged++;
          manifest.repeated(new Manifest.RepeatedId(stats.name, second, line, id, "exact_duplicate"));
        }
      }
      if (d.getDayOfMonth() == d.lengthOfMonth() || d.equals(spec.end())) {
        progress.accept("generate: participation through " + d + ": " + seq + " rows");
      }
    }
  }

  /** Six decimals without String.format, which would dominate the per-row cost. */
  static String fixed6(double v) {
    long micro = Math.round(v * 1_000_000);
    boolean negative = micro < 0;
    long a = Math.abs(micro);
    String frac = Residents.pad(a % 1_000_000, 6);
    return (negative ? "-" : "") + (a / 1_000_000) + "." + frac;
  }
}
