package org.civicpulse.forecast;

import static org.apache.spark.sql.functions.expr;

import java.io.Serializable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.civicpulse.forecast.models.BoostedTreesTrainer;
import org.civicpulse.forecast.models.Candidates;
import org.civicpulse.forecast.models.GbmModels;
import org.civicpulse.forecast.models.GbmRegressor;
import org.civicpulse.forecast.models.GbmTrainer;
import org.civicpulse.forecast.models.IsoWeek;
import org.civicpulse.forecast.models.SeasonalNaive;
import org.civicpulse.forecast.models.WeeklySeries;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.lake.StepScale;
import org.civicpulse.schema.Marts;
import org.civicpulse.schema.Schemas;
import org.civicpulse.stats.Backlog;

/**
 * {@code forecast} lake mode: weekly counts from curated service_requests, one {@link SeriesForecaster} run per
 * series in parallel on Spark, bottom-up reconciliation, then the forecast and decision marts.
 */
public final class LakeForecast {
  /** Weeks of closures averaged for the capacity projection. */
  static final int CLOSURE_WEEKS = 8;
  private static final String SNAIVE = SeasonalNaive.NAME;
  private static final String SEP = "|";
  static final int ROWS_PER_TASK = 5_000;
  /** Slices of series per core for the models: uneven series costs even out over a few slices each. */
  static final int SLICES_PER_CORE = 4;
  /**
   * System property picking the global gbm's trainer: our own boosted trees (default) or {@code mllib}, Spark's
   * GBTRegressor — measured slower and less accurate on the demo data (docs/forecast.md), kept for comparison.
   */
  static final String GBM_TRAINER = "civicpulse.gbm.trainer";

  private final DeltaStore store;
  private final Lake lake;
  private final Consumer<String> progress;

  /**
   * Settings: as-of week (null = last complete week with data), backtest spec, decision thresholds, and the
   * holiday weeks every series carries as a model feature ({@link HolidayWeeks}).
   */
  public record Settings(IsoWeek asOf, int origins, int step, int horizon, double servicePointThreshold,
      double backlogThreshold, Set<IsoWeek> holidays) implements Serializable {
    public Settings {
      holidays = Set.copyOf(holidays);
    }

    /** Without holiday weeks. */
    public Settings(IsoWeek asOf, int origins, int step, int horizon, double servicePointThreshold,
        double backlogThreshold) {
      this(asOf, origins, step, horizon, servicePointThreshold, backlogThreshold, Set.of());
    }
  }

  /** What the run wrote, for the summary line. */
  public record Summary(IsoWeek asOf, int series, int servicePoints, int risers, double chosenMase, double snaiveMase,
      List<String> warnings) {}

  public LakeForecast(DeltaStore store, Lake lake, Consumer<String> progress) {
    this.store = store;
    this.lake = lake;
    this.progress = progress;
  }

  /** Weekly (community, category) rows per shuffle partition, and below how many the run is interpreted (StepScale). */
  static final long ROWS_PER_PARTITION = 200_000;
  static final long INTERPRET_BELOW = 1_000_000;

  public Summary run(Settings s) {
    Dataset<Row> requests = store.read(lake.curated(Schemas.SERVICE_REQUESTS),
        Schemas.get(Schemas.SERVICE_REQUESTS).sparkSchema());
    // date_trunc('week') gives the local Monday: the session time zone is the configured one.
    Dataset<Row> weekly = requests.where("created_at is not null")
        .selectExpr("community_id", "category", "to_date(date_trunc('week', created_at)) as monday")
        .groupBy("community_id", "category", "monday").count();
    List<Row> counts;
    try (StepScale reading = StepScale.whileReading(store.spark(), lake.curated(Schemas.SERVICE_REQUESTS))) {
      counts = weekly.collectAsList();
    }
    // The demo lake's 208 series are ~32,000 weekly rows: its Spark steps (the reads and the mart writes) run
    // interpreted, on few partitions; 10,000 series (1.5M rows) stay compiled on the configured partitions. The
    // models themselves are spread over the cores by forecastAll, whatever the partitions.
    try (StepScale scale = StepScale.forRows(store.spark(), counts.size(), ROWS_PER_PARTITION, INTERPRET_BELOW)) {
      return forecast(s, requests, counts);
    }
  }

  private Summary forecast(Settings s, Dataset<Row> requests, List<Row> counts) {
    if (counts.isEmpty()) {
      throw new IllegalArgumentException("the lake holds no service requests: nothing to forecast");
    }
    IsoWeek asOf = s.asOf() != null ? s.asOf() : lastCompleteWeek(requests);
    // No look-ahead: weeks after the as-of week are dropped before anything is built.
    Map<SeriesKey, Map<IsoWeek, Double>> byCell = new TreeMap<>(LakeForecast::compareKeys);
    IsoWeek first = null;
    for (Row r : counts) {
      IsoWeek w = IsoWeek.of(((Date) r.get(2)).toLocalDate());
      if (w.compareTo(asOf) > 0) {
        continue;
      }
      first = first == null || w.compareTo(first) < 0 ? w : first;
      byCell.computeIfAbsent(new SeriesKey(r.getString(0), r.getString(1)), k -> new TreeMap<>())
          .merge(w, (double) r.getLong(3), Double::sum);
    }
    if (first == null) {
      throw new IllegalArgumentException("no service requests at or before " + asOf);
    }
    int length = (int) first.weeksUntil(asOf) + 1;
    Map<SeriesKey, double[]> cells = new LinkedHashMap<>();
    for (var e : byCell.entrySet()) {
      double[] v = new double[length];
      for (var c : e.getValue().entrySet()) {
        v[(int) first.weeksUntil(c.getKey())] = c.getValue();
      }
      cells.put(e.getKey(), v);
    }
    Map<SeriesKey, double[]> history = Reconciliation.bottomUp(cells);
    progress.accept("forecast: " + history.size() + " series, " + first + " … " + asOf);

    BacktestSpec spec = new BacktestSpec(null, null, s.origins(), s.step(), s.horizon());
    GbmModels gbm = trainGbm(history, first, spec, s.holidays());
    List<SeriesOutcome> outcomes = forecastAll(history, first, new SeriesForecaster(spec, Candidates.withGlobalGbm(gbm)),
        s.holidays());
    Map<SeriesKey, SeriesOutcome> byKey = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    outcomes.forEach(o -> {
      byKey.put(key(o.series()), o);
      warnings.addAll(o.warnings());
    });

    Map<SeriesKey, IntervalForecast> chosen = reconcile(byKey, cells.keySet(), s.horizon());
    Map<SeriesKey, double[]> chosenMean = new LinkedHashMap<>();
    chosen.forEach((k, f) -> chosenMean.put(k, f.mean()));

    String where = "as_of_week = '" + asOf + "'";
    write(Marts.WEEKLY_DEMAND, weeklyDemandRows(asOf, first, history), MartSchemas.WEEKLY_DEMAND, where);
    write(Marts.FORECASTS, forecastRows(asOf, chosen, byKey), MartSchemas.FORECASTS, where);
    List<AccuracyRow> accuracy = AccuracySummary.rows(outcomes, new SeriesForecaster(spec).outputModels());
    write(Marts.FORECAST_ACCURACY, accuracyRows(asOf, accuracy), MartSchemas.ACCURACY, where);
    progress.accept("forecast: mean MASE over series × origins: " + String.join(", ", accuracy.stream()
        .filter(r -> r.series().equals(AccuracySummary.ALL))
        .map(r -> String.format(Locale.ROOT, "%s %.3f", r.model(), r.mase())).toList()));
    accuracy.stream().filter(r -> r.series().equals(AccuracySummary.ALL) && r.model().equals(SeriesForecaster.CHOSEN))
        .forEach(r -> progress.accept(String.format(Locale.ROOT,
            "forecast: coverage of chosen over series × origins: 80 %% %.3f, 95 %% %.3f", r.coverage80(), r.coverage95())));

    List<Decisions.ServicePoint> points = Decisions.servicePoints(chosenMean, s.servicePointThreshold());
    write(Marts.SERVICE_POINTS, MartSchemas.servicePointRows(asOf, points), MartSchemas.SERVICE_POINTS, where);
    Map<String, double[]> intake = new LinkedHashMap<>();
    chosenMean.forEach((k, f) -> {
      if (!k.community().equals(SeriesKey.ALL) && k.category().equals(SeriesKey.ALL)) {
        intake.put(k.community(), f);
      }
    });
    List<Decisions.CapacityRow> capacity = Decisions.capacity(intake, backlog(asOf),
        closuresPerWeek(requests, asOf), asOf, s.backlogThreshold());
    write(Marts.CAPACITY, MartSchemas.capacityRows(asOf, capacity), MartSchemas.CAPACITY, where);
    IsoWeek firstWeek = first;
    List<Decisions.Riser> risers = Decisions.risers(chosenMean, asOf, k -> {
      long i = firstWeek.weeksUntil(k.week());
      double[] h = history.get(k.series());
      return i < 0 || h == null || i >= h.length ? 0 : h[(int) i];
    });
    write(Marts.RISERS, MartSchemas.riserRows(asOf, risers), MartSchemas.RISERS, where);

    return new Summary(asOf, history.size(), points.size(), risers.size(), allMase(accuracy, SeriesForecaster.CHOSEN),
        allMase(accuracy, SNAIVE), warnings);
  }

  /** The last ISO week whose Sunday is on or before the latest local creation date. */
  static IsoWeek lastCompleteWeek(Dataset<Row> requests) {
    LocalDate last = ((Date) requests.selectExpr("max(to_date(created_at))").first().get(0)).toLocalDate();
    IsoWeek w = IsoWeek.of(last);
    return w.monday().plusDays(6).isAfter(last) ? w.plusWeeks(-1) : w;
  }

  /**
   * Every series through the forecaster, in parallel on Spark. The driver holds the zero-filled histories
   * already (for the global gbm and the risers), so they travel in slices of a few series each: the models cost
   * CPU per series, not per row, so even the demo's 208 series keep every core busy (a shuffle sized to the
   * weekly rows made one task). Outcomes come back in the histories' order.
   */
  private List<SeriesOutcome> forecastAll(Map<SeriesKey, double[]> history, IsoWeek first,
      SeriesForecaster forecaster, Set<IsoWeek> holidays) {
    List<scala.Tuple2<String, double[]>> inputs = new ArrayList<>();
    history.forEach((k, v) -> inputs.add(new scala.Tuple2<>(id(k), v)));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(store.spark().sparkContext());
    int slices = Math.max(1, Math.min(inputs.size(), jsc.defaultParallelism() * SLICES_PER_CORE));
    List<SeriesBacktest> fits = jsc.parallelize(inputs, slices)
        .map(in -> forecaster.backtest(in._1(), new WeeklySeries(first, in._2(), holidays)))
        .collect();
    return forecaster.finishAll(fits);
  }

  /**
   * The global gbm of every origin, trained on the driver over all series (the driver holds them already, for
   * the risers), then broadcast: each executor fetches the models once, not once per series task.
   */
  private GbmModels trainGbm(Map<SeriesKey, double[]> history, IsoWeek first, BacktestSpec spec,
      Set<IsoWeek> holidays) {
    List<WeeklySeries> series = history.values().stream().map(v -> new WeeklySeries(first, v, holidays)).toList();
    GbmTrainer trainer = "mllib".equals(System.getProperty(GBM_TRAINER))
        ? new MllibGbtTrainer(store.spark()) : new BoostedTreesTrainer();
    Map<IsoWeek, GbmRegressor> models = GlobalGbmTraining.train(series, new SeriesForecaster(spec), trainer, progress);
    Broadcast<Map<IsoWeek, GbmRegressor>> shared =
        JavaSparkContext.fromSparkContext(store.spark().sparkContext()).broadcast(models);
    return week -> Optional.ofNullable(shared.value().get(week));
  }

  /**
   * Cells keep their own chosen forecast and intervals; roll-ups take the sum of their cells' chosen means,
   * with their own calibrated interval widths moved onto that sum ({@link Reconciliation#recentre}).
   */
  private static Map<SeriesKey, IntervalForecast> reconcile(Map<SeriesKey, SeriesOutcome> byKey,
      Iterable<SeriesKey> cells, int h) {
    Map<SeriesKey, IntervalForecast> own = new LinkedHashMap<>();
    byKey.forEach((k, o) -> own.put(k, interval(o.forecasts(), SeriesForecaster.CHOSEN, h)));
    Map<SeriesKey, double[]> bottom = new LinkedHashMap<>();
    cells.forEach(k -> bottom.put(k, own.get(k).mean()));
    Map<SeriesKey, IntervalForecast> out = new LinkedHashMap<>();
    Reconciliation.bottomUp(bottom).forEach((k, mean) ->
        out.put(k, k.isBottom() ? own.get(k) : Reconciliation.recentre(own.get(k), mean)));
    return out;
  }

  static IntervalForecast interval(List<ForecastRow> rows, String model, int h) {
    double[][] a = new double[5][h];
    for (ForecastRow r : rows) {
      if (r.model().equals(model)) {
        int i = r.horizon() - 1;
        a[0][i] = r.forecast();
        a[1][i] = r.lo80();
        a[2][i] = r.hi80();
        a[3][i] = r.lo95();
        a[4][i] = r.hi95();
      }
    }
    return new IntervalForecast(a[0], a[1], a[2], a[3], a[4]);
  }

  /** weekly_demand: the zero-filled history of every series, one row per series and week first..asOf. */
  static List<Row> weeklyDemandRows(IsoWeek asOf, IsoWeek first, Map<SeriesKey, double[]> history) {
    List<Row> rows = new ArrayList<>();
    history.forEach((k, v) -> {
      for (int i = 0; i < v.length; i++) {
        IsoWeek w = first.plusWeeks(i);
        rows.add(RowFactory.create(asOf.toString(), level(k), k.community(), k.category(), w.toString(),
            Date.valueOf(w.monday()), (long) v[i]));
      }
    });
    return rows;
  }

  private List<Row> forecastRows(IsoWeek asOf, Map<SeriesKey, IntervalForecast> chosen, Map<SeriesKey, SeriesOutcome> byKey) {
    List<Row> rows = new ArrayList<>();
    chosen.forEach((k, f) -> {
      for (int i = 0; i < f.horizon(); i++) {
        IsoWeek w = asOf.plusWeeks(i + 1);
        rows.add(RowFactory.create(asOf.toString(), level(k), k.community(), k.category(), w.toString(),
            Date.valueOf(w.monday()), i + 1, SeriesForecaster.CHOSEN, f.mean()[i], f.lo80()[i], f.hi80()[i],
            f.lo95()[i], f.hi95()[i]));
      }
      for (ForecastRow r : byKey.get(k).forecasts()) {
        if (r.model().equals(SNAIVE)) {
          rows.add(RowFactory.create(asOf.toString(), level(k), k.community(), k.category(), r.week().toString(),
              Date.valueOf(r.week().monday()), r.horizon(), SNAIVE, r.forecast(), null, null, null, null));
        }
      }
    });
    return rows;
  }

  private static List<Row> accuracyRows(IsoWeek asOf, List<AccuracyRow> accuracy) {
    List<Row> rows = new ArrayList<>();
    for (AccuracyRow a : accuracy) {
      if (a.series().equals(AccuracySummary.ALL)) {
        continue;
      }
      SeriesKey k = key(a.series());
      rows.add(RowFactory.create(asOf.toString(), level(k), k.community(), k.category(), a.model(), a.origins(),
          nullIfNaN(a.mase()), nullIfNaN(a.smape()), nullIfNaN(a.coverage80()), nullIfNaN(a.coverage95())));
    }
    return rows;
  }

  /** The backlog (Backlog.openAt) at the end of the as-of week, the following Monday 00:00 local time. */
  private Map<String, Double> backlog(IsoWeek asOf) {
    Dataset<Row> events = store.read(lake.curated(Schemas.REQUEST_EVENTS), Schemas.get(Schemas.REQUEST_EVENTS).sparkSchema());
    return perCommunity(Backlog.openAt(events, expr("timestamp'" + asOf.plusWeeks(1).monday() + " 00:00:00'")), 1);
  }

  /** Requests closed (closed_at) within the last 8 complete weeks up to the as-of week, per week. */
  private Map<String, Double> closuresPerWeek(Dataset<Row> requests, IsoWeek asOf) {
    String end = "timestamp'" + asOf.plusWeeks(1).monday() + " 00:00:00'";
    String start = "timestamp'" + asOf.plusWeeks(1 - CLOSURE_WEEKS).monday() + " 00:00:00'";
    return perCommunity(requests.where("closed_at >= " + start + " and closed_at < " + end), CLOSURE_WEEKS);
  }

  private static Map<String, Double> perCommunity(Dataset<Row> rows, double divisor) {
    Map<String, Double> out = new TreeMap<>();
    for (Row r : rows.groupBy("community_id").count().collectAsList()) {
      out.put(r.getString(0), r.getLong(1) / divisor);
    }
    return out;
  }

  /**
   * Driver-side rows go out in slices of at most {@value #ROWS_PER_TASK}, so no task carries a whole table
   * (10,000 series make tables of hundreds of MB); they are then gathered into one file.
   */
  private void write(String name, List<Row> rows, StructType schema, String where) {
    int slices = Math.max(1, (rows.size() + ROWS_PER_TASK - 1) / ROWS_PER_TASK);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(store.spark().sparkContext());
    Dataset<Row> frame = store.spark().createDataFrame(jsc.parallelize(rows, slices), schema);
    write(name, slices == 1 ? frame : frame.repartition(1), where);
  }

  private void write(String name, Dataset<Row> rows, String where) {
    store.replaceWhere(rows.coalesce(1), lake.mart(name), where, null);
  }

  private static double allMase(List<AccuracyRow> rows, String model) {
    return rows.stream().filter(r -> r.series().equals(AccuracySummary.ALL) && r.model().equals(model))
        .mapToDouble(AccuracyRow::mase).findFirst().orElse(Double.NaN);
  }

  static String level(SeriesKey k) {
    boolean allCommunity = k.community().equals(SeriesKey.ALL);
    boolean allCategory = k.category().equals(SeriesKey.ALL);
    return allCommunity && allCategory ? "area" : allCategory ? "community" : allCommunity ? "category" : "cell";
  }

  private static String id(SeriesKey k) {
    return k.community() + SEP + k.category();
  }

  private static SeriesKey key(String id) {
    int i = id.indexOf(SEP);
    return new SeriesKey(id.substring(0, i), id.substring(i + 1));
  }

  private static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static int compareKeys(SeriesKey a, SeriesKey b) {
    int c = a.community().compareTo(b.community());
    return c != 0 ? c : a.category().compareTo(b.category());
  }
}
