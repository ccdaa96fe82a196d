package org.civicpulse.dashboard;

import static org.apache.spark.sql.functions.col;

import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.civicpulse.config.DashboardSettings;
import org.civicpulse.config.Targets;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.lake.SideTask;
import org.civicpulse.lake.StepScale;
import org.civicpulse.schema.Marts;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;
import org.civicpulse.stats.HolidayCalendar;

/** curated → daily marts for a date range, in one set-based pass; rerunning a range replaces exactly it. */
public final class DashboardJob {
  /** One shuffle partition per this many events (see StepScale). */
  static final long EVENTS_PER_PARTITION = 250_000;
  /**
   * Below this many events the marts are computed interpreted (StepScale): on the 100k-request sample lake a
   * one-day run spent more CPU generating and compiling code for its ~90 small queries than on its rows.
   */
  static final long INTERPRET_BELOW = 1_000_000;
  /**
   * From this many events kpis_daily finishes each metric family in tasks of its own (KpiTable): joined, the
   * families of 10M requests over three years outgrew a 4 GB heap; apart costs more CPU while the step is
   * interpreted, so the switch is where compiling starts.
   */
  static final long FAMILIES_APART_FROM = INTERPRET_BELOW;
  private final DeltaStore store;
  private final Lake lake;
  private final Targets targets;
  private final Consumer<String> progress;
  private final HolidayCalendar holidays;
  private final DashboardSettings settings;

  /** With the default equity window and minimums. */
  public DashboardJob(DeltaStore store, Lake lake, Targets targets, HolidayCalendar holidays, Consumer<String> progress) {
    this(store, lake, targets, holidays, DashboardSettings.DEFAULT, progress);
  }

  public DashboardJob(DeltaStore store, Lake lake, Targets targets, HolidayCalendar holidays, DashboardSettings settings,
      Consumer<String> progress) {
    this.holidays = holidays;
    this.settings = settings;
    this.store = store;
    this.lake = lake;
    this.targets = targets;
    this.progress = progress;
  }

  public void run(DateRange r) {
    Held events;
    DashboardInputs in;
    try (StepScale reading = StepScale.whileReading(store.spark(), lake.curated(Schemas.REQUEST_EVENTS))) {
      events = held(new EventHistory(store, lake, progress).events(r).selectExpr(DashboardInputs.EVENT_COLUMNS));
      in = inputs(r, events.rows());
    }
    // Events are the widest input every family shuffles: their count sizes the steps.
    try (StepScale sized = StepScale.forRows(store.spark(), events.count(), EVENTS_PER_PARTITION, INTERPRET_BELOW)) {
      DateRange last = new DateRange(r.to(), r.to());
      Dataset<Row> openAtEnd = cached(BacklogMetrics.openDays(in.events(), last));
      // Participation, the worklist and the providers read no mart kpis_daily writes: their chains of small jobs
      // run on a second driver thread while kpis_daily's long stages keep the cores busy. The thread inherits the
      // profile phase current when it starts, so its jobs are listed under their own line.
      progress.accept("participation_daily, worklist and providers for " + r.to() + " (beside kpis_daily)");
      try (SideTask beside = SideTask.start("daily-side", () -> besideKpis(in, r, openAtEnd))) {
        progress.accept("kpis_daily " + r.from() + " … " + r.to());
        write(Marts.KPIS_DAILY, KpiTable.build(in, r, holidays, events.count() >= FAMILIES_APART_FROM), r);
        write(Marts.VOLUME_BY_CHANNEL, VolumeMetrics.byChannel(in.events(), r), r);
        beside.join();
      }
      progress.accept("hot spots for " + r.to());
      write(Marts.HOTSPOTS, Hotspots.top(readMart(Marts.KPIS_DAILY, r.to().minusDays(13), r.to()), r.to(),
          settings.hotspotMinRequests()), last);
      // The equity lens and the scores share no input or mart, and each is a chain of small jobs and Delta commits
      // that leaves the cores idle between them: run side by side, the lens costs the run little wall time.
      try (SideTask fair = SideTask.start("equity", () -> {
        // The thread's own description: a --profile run lists the lens's jobs apart from the scores' ones.
        store.spark().sparkContext().setJobDescription("equity for " + r.to());
        EquityMetrics.Marts marts = EquityMetrics.compute(read(Schemas.SERVICE_REQUESTS), openAtEnd,
            in.communities(), r.to(), settings.equity());
        write(Marts.EQUITY, marts.equity(), last);
        write(Marts.EQUITY_CATEGORIES, marts.categories(), last);
      })) {
        progress.accept("scores (the equity lens beside them)");
        Dataset<Row> kpisAll = readMart(Marts.KPIS_DAILY, r.from().minusDays(HistoryTargets.DAYS), r.to())
            .filter("category = 'ALL'");
        Dataset<Row> partAll = readMart(Marts.PARTICIPATION_DAILY, r.from().minusDays(HistoryTargets.DAYS), r.to())
            .filter("dimension = 'ALL'");
        write(Marts.SCORES, ScoreWindows.scores(store.spark(), kpisAll, partAll, r, targets), r);
        fair.join();
      }
      openAtEnd.unpersist();
    } finally {
      in.events().unpersist();
      in.requests().unpersist();
      in.feedback().unpersist();
      in.participation().unpersist();
      in.feedbackByRequest().unpersist();
    }
  }

  /** The marts that need none of kpis_daily's: participation for the range, the worklist and providers for its last day. */
  private void besideKpis(DashboardInputs in, DateRange r, Dataset<Row> openAtEnd) {
    DateRange last = new DateRange(r.to(), r.to());
    write(Marts.PARTICIPATION_DAILY, ParticipationMetrics.monthToDate(in.participation(), in.communities(), r), r);
    write(Marts.WORKLIST, openAtEnd.filter(col("is_overdue"))
        .selectExpr("date", "request_id", "community_id", "category", "date_format(created_at, 'yyyy-MM-dd HH:mm') AS created_at",
            "date_format(due_at, 'yyyy-MM-dd HH:mm') AS due_at", "age_days", "hours_overdue", "provider_id", "provider_type"), last);
    write(Marts.PROVIDERS, ProviderMetrics.providers(in.requests(), in.feedbackByRequest(), r.to()), last);
  }

  /**
   * The curated inputs, read only as far back as the range needs: events from the look-back start plus a
   * summary of older history (EventHistory), requests created in the provider window, participation and
   * feedback rows from the range's months. Two lookups stay unbounded in time because the metric is: whether a
   * request closed today has any feedback (and its provider's CSAT) — two columns of feedback, condensed to
   * one row per rated request — and the category of a request rated today, which may be of any age — two
   * columns of service_requests, kept only for the requests rated in the range.
   */
  private DashboardInputs inputs(DateRange r, Dataset<Row> events) {
    String providerMonth = EventHistory.month(r.to().minusDays(ProviderMetrics.WINDOW_DAYS - 1));
    Dataset<Row> requests = read(Schemas.SERVICE_REQUESTS).filter(col(TableSchema.MONTH_COLUMN).geq(providerMonth));
    Dataset<Row> participation = inMonths(read(Schemas.PARTICIPATION), r);
    Dataset<Row> allFeedback = read(Schemas.FEEDBACK);
    Dataset<Row> feedback = cached(inMonths(allFeedback, r).drop("comment", "resident_key"));
    Dataset<Row> rated = feedback.filter(col("request_id").isNotNull()).select("request_id").distinct();
    Dataset<Row> requestCategories = read(Schemas.SERVICE_REQUESTS).select("request_id", "category")
        .join(rated, "request_id", "left_semi");
    Dataset<Row> feedbackByRequest = DashboardInputs.feedbackByRequest(allFeedback.select("request_id", "rating"));
    // Every metric family scans these: cache them once instead of re-reading the Delta files a dozen times.
    return new DashboardInputs(store.spark(), events, cached(requests), feedback, cached(participation),
        onDriver(Schemas.COMMUNITIES), onDriver(Schemas.CATEGORIES), requestCategories, cached(feedbackByRequest));
  }

  /**
   * The events every family reads, held in memory. Below {@link #INTERPRET_BELOW} events as a local checkpoint,
   * whose plan holds no Delta scan: one day's families then plan and run fewer jobs (measured when the cache was
   * still lost to the first statement that bound it, see {@link BoundSql}: 52 Delta jobs in a one-day kpis_daily).
   * Larger ranges stay cached: a checkpoint of them is not measured.
   */
  static Held held(Dataset<Row> events) {
    Dataset<Row> cached = cached(events);
    long count = cached.count();
    if (count >= INTERPRET_BELOW) {
      return new Held(cached, count);
    }
    Dataset<Row> checkpoint = cached.localCheckpoint();
    cached.unpersist();
    return new Held(checkpoint, count);
  }

  /** The events held in memory, and how many there are (counted once, as they were held). */
  record Held(Dataset<Row> rows, long count) {}

  private static Dataset<Row> inMonths(Dataset<Row> table, DateRange r) {
    return table.filter(col(TableSchema.MONTH_COLUMN).between(EventHistory.month(r.from()), EventHistory.month(r.to())));
  }

  private static Dataset<Row> cached(Dataset<Row> df) {
    return df.persist(StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * A small dimension table read once and held on the driver as a local relation. The grid, participation and
   * the equity lens join it a dozen times, and each join of the Delta table planned its own file listing and scan
   * (one day's kpis_daily on the sample lake, warm: 2.3–3.1 s against 1.5–1.8 s held; docs/performance.md).
   * A city's communities and categories are hundreds or thousands of rows, not millions.
   */
  private Dataset<Row> onDriver(String table) {
    Dataset<Row> rows = read(table);
    return store.spark().createDataFrame(rows.collectAsList(), rows.schema());
  }

  private Dataset<Row> read(String table) {
    return store.read(lake.curated(table), Schemas.get(table).sparkSchema());
  }

  private Dataset<Row> readMart(String mart, java.time.LocalDate from, java.time.LocalDate to) {
    return store.read(lake.mart(mart), null).filter(new DateRange(from, to).predicate());
  }

  private void write(String mart, Dataset<Row> rows, DateRange r) {
    store.replaceWhere(rows, lake.mart(mart), r.predicate(), null);
  }
}
