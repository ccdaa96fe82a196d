package org.civicpulse.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.civicpulse.forecast.models.Candidates;
import org.civicpulse.forecast.models.ForecastModel;
import org.civicpulse.forecast.models.IsoWeek;
import org.civicpulse.forecast.models.WeeklySeries;

/**
 * Backtests one series and makes its published forecasts: the unit of work the Spark runner calls once per
 * series (inside {@code flatMapGroups}) and {@link SeriesCsvForecast} calls per column.
 *
 * <p>At every origin the models see only training data, and {@code combo}, {@code chosen} and the intervals
 * use only evidence whose actual weeks lie at or before that origin: the inner backtest before the first
 * origin plus earlier outer origins.
 */
public final class SeriesForecaster implements java.io.Serializable {
  public static final String COMBO = "combo";
  public static final String CHOSEN = "chosen";
  private static final String ETS = "ets";
  private static final String ARIMA = "fourier_arima";

  private final BacktestSpec spec;
  private final List<ForecastModel> models;
  private final boolean leaveSeriesOut;

  /** With the standard candidates ({@link Candidates#standard()}). */
  public SeriesForecaster(BacktestSpec spec) {
    this(spec, Candidates.standard());
  }

  /** With explicit candidates, e.g. {@link Candidates#withGlobalGbm} (gbm as the global model of each origin). */
  public SeriesForecaster(BacktestSpec spec, List<ForecastModel> models) {
    this(spec, models, false);
  }

  /**
   * With {@code leaveSeriesOut}, each series' intervals are calibrated on the other series of its panel only
   * ({@code forecast --series … --leave-series-out}): coverage then measures series the calibration never saw.
   */
  public SeriesForecaster(BacktestSpec spec, List<ForecastModel> models, boolean leaveSeriesOut) {
    this.spec = spec;
    this.models = List.copyOf(models);
    this.leaveSeriesOut = leaveSeriesOut;
  }

  /** Output model names in order: the candidates, then combo and chosen. */
  public List<String> outputModels() {
    List<String> names = new ArrayList<>(models.stream().map(ForecastModel::name).toList());
    names.add(COMBO);
    names.add(CHOSEN);
    return names;
  }

  /**
   * Every origin week at which candidates are fitted for this series (inner backtest, outer backtest, then the
   * final as-of week), ascending: the weeks at which an external model such as gbm must supply forecasts to
   * take part fully (it competes only at the origins it covers).
   */
  public List<IsoWeek> fitOrigins(WeeklySeries series) {
    return new ArrayList<>(trainingSets(series).keySet());
  }

  /**
   * The training series of every origin in {@link #fitOrigins}, keyed by origin week: exactly what the
   * candidates see there, so a global model trained on them sees no week after its origin.
   */
  public Map<IsoWeek, WeeklySeries> trainingSets(WeeklySeries series) {
    WeeklySeries s = window(series);
    List<Integer> outer = BacktestOrigins.outer(s.length(), spec);
    List<Integer> positions = new ArrayList<>();
    if (!outer.isEmpty()) {
      positions.addAll(BacktestOrigins.inner(outer.get(0), spec));
    }
    positions.addAll(outer);
    positions.add(s.length() - 1);
    Map<IsoWeek, WeeklySeries> sets = new LinkedHashMap<>();
    positions.forEach(p -> sets.put(s.week(p), s.head(p + 1)));
    return sets;
  }

  /**
   * Backtests {@code series} (cut to the spec's window) and forecasts the horizon after its last week, as a
   * panel of one: choice and intervals from its own evidence only.
   */
  public SeriesOutcome run(String seriesId, WeeklySeries series) {
    SeriesBacktest b = backtest(seriesId, series);
    return finish(b, new PanelEvidence(List.of(b), spec.horizon(), false));
  }

  /**
   * Every series of a panel: the fits in parallel, then choice and intervals from the whole panel's evidence.
   * Outcomes in the input's order.
   */
  public List<SeriesOutcome> runPanel(List<Map.Entry<String, WeeklySeries>> series, Consumer<String> progress) {
    AtomicInteger done = new AtomicInteger();
    List<SeriesBacktest> fits = series.parallelStream().map(e -> {
      SeriesBacktest b = backtest(e.getKey(), e.getValue());
      int n = done.incrementAndGet();
      if (n % 100 == 0 || n == series.size()) {
        progress.accept("forecast: " + n + "/" + series.size() + " series");
      }
      return b;
    }).toList();
    return finishAll(fits);
  }

  /** Choice and intervals for fitted series, from their panel's evidence; outcomes in the input's order. */
  public List<SeriesOutcome> finishAll(List<SeriesBacktest> fits) {
    PanelEvidence panel = new PanelEvidence(fits, spec.horizon(), leaveSeriesOut);
    return fits.parallelStream().map(b -> finish(b, panel)).toList();
  }

  /** The model fits of one series at every origin (the costly part; it needs only the series itself). */
  public SeriesBacktest backtest(String seriesId, WeeklySeries series) {
    WeeklySeries s = window(series);
    int h = spec.horizon();
    List<String> warnings = new ArrayList<>();
    List<Integer> outerPositions = BacktestOrigins.outer(s.length(), spec);
    if (outerPositions.size() < spec.origins()) {
      warnings.add("series " + seriesId + ": " + outerPositions.size() + " of " + spec.origins()
          + " origins have the " + BacktestOrigins.MIN_TRAIN + " training weeks needed");
    }
    List<OriginRun> inner = new ArrayList<>();
    if (!outerPositions.isEmpty()) {
      for (int p : BacktestOrigins.inner(outerPositions.get(0), spec)) {
        inner.add(OriginRun.at(s, p, h, models));
      }
    }
    List<OriginRun> outer = new ArrayList<>();
    for (int p : outerPositions) {
      outer.add(OriginRun.at(s, p, h, models));
    }
    OriginRun last = OriginRun.at(s, s.length() - 1, h, models);
    return new SeriesBacktest(seriesId, s, inner, outer, last, h, warnings);
  }

  /** Scores at every outer origin and the published forecasts, choosing and calibrating from the panel. */
  SeriesOutcome finish(SeriesBacktest b, PanelEvidence panel) {
    String seriesId = b.id();
    WeeklySeries s = b.window();
    int h = spec.horizon();
    List<String> warnings = new ArrayList<>(b.warnings());
    List<OriginScore> scores = new ArrayList<>();
    List<OriginDecision> decisions = new ArrayList<>();
    List<String> scaleZero = new ArrayList<>();
    for (OriginRun run : b.outer()) {
      Decided decided = decide(b, panel, run);
      decisions.add(new OriginDecision(run.origin, decided.combo.name(), decided.chosen.name()));
      for (NamedMethod nm : decided.outputs(run)) {
        IntervalForecast f = panel.calibration(run.origin, nm.method, seriesId).apply(run.forecast(nm.method), run.errorScale);
        scores.add(score(seriesId, nm.name, run, f));
      }
      if (!(run.maseScale > 0)) {
        scaleZero.add(run.origin.toString());
      }
    }
    if (!scaleZero.isEmpty()) {
      // One line per series, not per origin: sparse real data would otherwise print hundreds.
      warnings.add("series " + seriesId + ": MASE scale is 0 at origin" + (scaleZero.size() > 1 ? "s " : " ")
          + String.join(", ", scaleZero) + "; left out of MASE means");
    }

    OriginRun last = b.last();
    Decided decided = decide(b, panel, last);
    List<ForecastRow> rows = new ArrayList<>();
    for (NamedMethod nm : decided.outputs(last)) {
      IntervalForecast f = panel.calibration(last.origin, nm.method, seriesId).apply(last.forecast(nm.method), last.errorScale);
      for (int step = 1; step <= h; step++) {
        int i = step - 1;
        rows.add(new ForecastRow(seriesId, last.origin, last.origin.plusWeeks(step), step, nm.name,
            f.mean()[i], f.lo80()[i], f.hi80()[i], f.lo95()[i], f.hi95()[i]));
      }
    }
    List<IsoWeek> origins = b.outer().stream().map(r -> r.origin).toList();
    return new SeriesOutcome(seriesId, origins, outputModels(), scores, decisions, rows, warnings);
  }

  /** The part of the series inside [from, to]; {@code to} past the last week is an error. */
  private WeeklySeries window(WeeklySeries series) {
    int from = spec.from() == null ? 0 : Math.max(0, series.indexOf(spec.from()));
    int to = spec.to() == null ? series.length() - 1 : series.indexOf(spec.to());
    if (to >= series.length() || to < from) {
      throw new IllegalArgumentException("--to " + spec.to() + " is outside the series ("
          + series.start() + " to " + series.lastWeek() + ")");
    }
    return series.slice(from, to);
  }

  /**
   * Eligibility (intermittent or dense) is judged on the training data only; a model that made no forecast
   * at this origin (an external one without a forecast here) cannot be picked. Every series starts from ETS +
   * Fourier-ARIMA: on every set measured (docs/forecast.md) it beat Croston + TSB on the intermittent series
   * too, which stay free to win on evidence.
   */
  private Decided decide(SeriesBacktest b, PanelEvidence panel, OriginRun current) {
    boolean intermittent = current.intermittent;
    List<String> eligible = new ArrayList<>();
    for (ForecastModel m : models) {
      boolean intermittentOnly = Candidates.INTERMITTENT_ONLY.contains(m.name());
      if ((intermittent || !intermittentOnly) && current.forecasts.containsKey(m.name())) {
        eligible.add(m.name());
      }
    }
    Method defaultMethod = preferredPair(eligible, ETS, ARIMA);
    Method combo = new ModelChooser(eligible, defaultMethod).combo(b.evidenceAt(current.origin));
    return new Decided(combo, panel.chosen(current.origin, intermittent, eligible, defaultMethod));
  }

  private static Method preferredPair(List<String> eligible, String a, String b) {
    if (eligible.contains(a) && eligible.contains(b)) {
      return Method.pair(a, b);
    }
    return eligible.size() >= 2 ? Method.pair(eligible.get(0), eligible.get(1)) : Method.single(eligible.get(0));
  }

  private static OriginScore score(String series, String name, OriginRun run, IntervalForecast f) {
    int n = run.actuals.length;
    double[] mean = Arrays.copyOf(f.mean(), n);
    return new OriginScore(series, name, run.origin,
        Accuracy.mase(run.actuals, mean, run.maseScale),
        Accuracy.smape(run.actuals, mean),
        Accuracy.coverage(run.actuals, Arrays.copyOf(f.lo80(), n), Arrays.copyOf(f.hi80(), n)),
        Accuracy.coverage(run.actuals, Arrays.copyOf(f.lo95(), n), Arrays.copyOf(f.hi95(), n)),
        f, run.actuals.clone());
  }

  private record NamedMethod(String name, Method method) {}

  /** combo and chosen at one origin. */
  private record Decided(Method combo, Method chosen) {
    /** Every candidate that forecast at this run, then combo and chosen. */
    List<NamedMethod> outputs(OriginRun run) {
      List<NamedMethod> out = new ArrayList<>();
      for (String m : run.forecasts.keySet()) {
        out.add(new NamedMethod(m, Method.single(m)));
      }
      if (run.has(combo)) {
        out.add(new NamedMethod(COMBO, combo));
      }
      if (run.has(chosen)) {
        out.add(new NamedMethod(CHOSEN, chosen));
      }
      return out;
    }
  }
}
