package org.civicpulse.forecast;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.civicpulse.forecast.models.Candidates;
import org.civicpulse.forecast.models.IsoWeek;

/**
 * The backtest runs of every series of one panel (one {@code --series} file, or one lake run), read at a
 * decision week: only runs whose actual weeks all lie at or before it count, whichever series they belong to.
 * A handful of origins per series is too little evidence to rank methods or to set an interval's tails; the
 * panel's series, their errors divided by each run's own scale, give tens to thousands (docs/forecast.md,
 * "Choosing" and "Intervals").
 */
final class PanelEvidence {
  /** Series with a positive MASE scale a class needs before its runs alone decide for it. */
  static final int MIN_CLASS_SERIES = 3;

  private final List<SeriesBacktest> series;
  private final int horizon;
  private final boolean leaveSeriesOut;
  private final Map<IsoWeek, List<OriginRun>> evidence = new ConcurrentHashMap<>();
  private final Map<String, IntervalCalibrator.Calibration> calibrations = new ConcurrentHashMap<>();
  private final Map<String, Method> choices = new ConcurrentHashMap<>();

  /**
   * With {@code leaveSeriesOut}, a series' intervals are calibrated on the other series' runs only: a check that
   * coverage holds on series the calibration never saw (one calibration per series, so for small panels).
   */
  PanelEvidence(List<SeriesBacktest> series, int horizon, boolean leaveSeriesOut) {
    this.series = List.copyOf(series);
    this.horizon = horizon;
    this.leaveSeriesOut = leaveSeriesOut && series.size() > 1;
  }

  /** Every series' runs whose actual weeks all lie at or before {@code week}. */
  List<OriginRun> evidenceAt(IsoWeek week) {
    return evidence.computeIfAbsent(week, w -> {
      List<OriginRun> all = new ArrayList<>();
      series.forEach(s -> all.addAll(s.evidenceAt(w)));
      return List.copyOf(all);
    });
  }

  /**
   * The runs that decide for a series of this class at {@code week}: the class's own (intermittent or dense at
   * each run's origin), or the whole panel's when fewer than {@link #MIN_CLASS_SERIES} series with a defined
   * MASE scale make up the class.
   */
  List<OriginRun> classPool(IsoWeek week, boolean intermittent) {
    List<OriginRun> pool = new ArrayList<>();
    for (SeriesBacktest s : series) {
      for (OriginRun r : s.evidenceAt(week)) {
        if (r.intermittent == intermittent) {
          pool.add(r);
        }
      }
    }
    return classDecidesAlone(week, intermittent) ? pool : evidenceAt(week);
  }

  /** Whether {@link #MIN_CLASS_SERIES} series with a defined MASE scale make up the class at {@code week}. */
  private boolean classDecidesAlone(IsoWeek week, boolean intermittent) {
    Set<String> informative = new HashSet<>();
    for (SeriesBacktest s : series) {
      for (OriginRun r : s.evidenceAt(week)) {
        if (r.intermittent == intermittent && r.maseScale > 0) {
          informative.add(s.id());
        }
      }
    }
    return informative.size() >= MIN_CLASS_SERIES;
  }

  /**
   * {@code chosen} for a series of this class with these eligible models, once per panel and week. A class that
   * borrows the whole panel's runs does not pick a model of its class only ({@link Candidates#INTERMITTENT_ONLY}):
   * that model's record there is on the other class's series, which says nothing of it on these.
   */
  Method chosen(IsoWeek week, boolean intermittent, List<String> eligible, Method defaultMethod) {
    return choices.computeIfAbsent(week + " " + intermittent + " " + eligible + " " + defaultMethod.name(), k -> {
      List<String> candidates = classDecidesAlone(week, intermittent) ? eligible
          : eligible.stream().filter(m -> !Candidates.INTERMITTENT_ONLY.contains(m)).toList();
      return new ModelChooser(candidates, defaultMethod).chosen(classPool(week, intermittent));
    });
  }

  /** The method's interval calibration at {@code week} for {@code seriesId}, from the panel's evidence. */
  IntervalCalibrator.Calibration calibration(IsoWeek week, Method method, String seriesId) {
    if (leaveSeriesOut) {
      return calibrations.computeIfAbsent(week + " " + method.name() + " " + seriesId, k -> {
        List<OriginRun> others = new ArrayList<>();
        series.stream().filter(s -> !s.id().equals(seriesId)).forEach(s -> others.addAll(s.evidenceAt(week)));
        return IntervalCalibrator.calibrate(others, method, horizon);
      });
    }
    return calibrations.computeIfAbsent(week + " " + method.name(),
        k -> IntervalCalibrator.calibrate(evidenceAt(week), method, horizon));
  }
}
