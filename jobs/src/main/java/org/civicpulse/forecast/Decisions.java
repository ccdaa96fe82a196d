package org.civicpulse.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.civicpulse.forecast.models.IsoWeek;

/** The three decision tables of docs/forecast.md as pure functions of reconciled forecasts and history. */
public final class Decisions {
  /** Weeks ahead the decisions look at. */
  public static final int WINDOW = 13;

  private Decisions() {}

  /** A cell whose chosen forecast stays at or above the threshold for all of the next 13 weeks. */
  public record ServicePoint(String community, String category, int weeksAbove, double min, double mean, double threshold) {}

  /** One community × forecast week of the backlog projection. */
  public record CapacityRow(String community, IsoWeek week, double intake, double closuresPerWeek,
      double projectedBacklog, double threshold, IsoWeek crossingWeek) {}

  /** Next 13 weeks' forecast against the same ISO weeks a year earlier; changePct NaN when last year is 0. */
  public record Riser(SeriesKey key, double next13, double lastYear, double change, double changePct) {}

  /** Cells (bottom keys) whose first 13 forecast weeks are all ≥ threshold. */
  public static List<ServicePoint> servicePoints(Map<SeriesKey, double[]> chosen, double threshold) {
    List<ServicePoint> out = new ArrayList<>();
    chosen.forEach((k, f) -> {
      int n = Math.min(WINDOW, f.length);
      if (!k.isBottom() || n == 0) {
        return;
      }
      int above = 0;
      double min = Double.POSITIVE_INFINITY;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        above += f[i] >= threshold ? 1 : 0;
        min = Math.min(min, f[i]);
        sum += f[i];
      }
      if (above == n) {
        out.add(new ServicePoint(k.community(), k.category(), above, min, sum / n, threshold));
      }
    });
    return out;
  }

  /**
   * projected_backlog(k) = max(0, backlog + Σ_{j≤k}(intake_j − closures)) exactly as the report contract
   * states (the max is taken on the cumulative sum); crossing = first week with projection ≥ threshold.
   */
  public static List<CapacityRow> capacity(Map<String, double[]> intake, Map<String, Double> backlog,
      Map<String, Double> closuresPerWeek, IsoWeek asOf, double threshold) {
    List<CapacityRow> out = new ArrayList<>();
    intake.forEach((community, f) -> {
      double closures = closuresPerWeek.getOrDefault(community, 0.0);
      double b = backlog.getOrDefault(community, 0.0);
      double[] projected = new double[f.length];
      IsoWeek crossing = null;
      for (int i = 0; i < f.length; i++) {
        b += f[i] - closures;
        projected[i] = Math.max(0, b);
        if (crossing == null && projected[i] >= threshold) {
          crossing = asOf.plusWeeks(i + 1);
        }
      }
      for (int i = 0; i < f.length; i++) {
        out.add(new CapacityRow(community, asOf.plusWeeks(i + 1), f[i], closures, projected[i], threshold, crossing));
      }
    });
    return out;
  }

  /** Risers for every non-area key; {@code actual} gives a key's observed count in a week (0 outside history). */
  public static List<Riser> risers(Map<SeriesKey, double[]> chosen, IsoWeek asOf, ToDoubleFunction<Key> actual) {
    List<Riser> out = new ArrayList<>();
    chosen.forEach((k, f) -> {
      if (k.community().equals(SeriesKey.ALL) && k.category().equals(SeriesKey.ALL)) {
        return;
      }
      double next = 0;
      double last = 0;
      for (int i = 0; i < Math.min(WINDOW, f.length); i++) {
        next += f[i];
        last += actual.applyAsDouble(new Key(k, sameWeekLastYear(asOf.plusWeeks(i + 1))));
      }
      double change = next - last;
      out.add(new Riser(k, next, last, change, last == 0 ? Double.NaN : 100 * change / last));
    });
    return out;
  }

  /** The same ISO week number one year earlier (week 53 → the earlier year's last week). */
  public static IsoWeek sameWeekLastYear(IsoWeek w) {
    int year = w.year() - 1;
    return new IsoWeek(year, Math.min(w.week(), IsoWeek.weeksIn(year)));
  }

  /** A series and a week, for looking up actual counts. */
  public record Key(SeriesKey series, IsoWeek week) {}
}
