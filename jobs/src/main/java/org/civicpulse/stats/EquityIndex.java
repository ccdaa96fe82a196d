package org.civicpulse.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The equity lens of docs/metrics.md ("Equity"), from per community × category sums: who waits longer than the
 * city for the same kinds of request, with intervals, and who is flagged on a funnel plot corrected for
 * over-dispersion. Pure arithmetic on plain values; the dashboard gathers the sums with Spark.
 */
public final class EquityIndex {
  /** The city's row. */
  public static final String ALL = "ALL";
  /** |z| beyond this (the 99.8 % funnel limit, rounded as the method's authors do) flags a community. */
  public static final double FLAG_Z = 3.0;
  static final double Z95 = 1.959964;
  /** Share of the z-scores winsorized at each end before the over-dispersion is estimated. */
  static final double WINSOR = 0.1;

  public static final String SLOWER = "slower";
  public static final String FASTER = "faster";
  public static final String TOO_FEW_CLOSED = "too_few_closed";

  private EquityIndex() {}

  /**
   * One community × category over the window: requests created, requests closed (status closed, closed in the
   * window, closed_at ≥ created_at), Σ ln(h + 1) and Σ ln(h + 1)² over those closures (h = hours from created to
   * closed), how many of them had a due time and how many of those closed by it, and their median hours.
   */
  public record Cell(String community, String category, long created, long closed, double sumLog, double sumLogSq,
      long withDue, long onTime, double medianHours) {}

  /** A community's population (null when unknown), its open requests at the window's end and those past due. */
  public record Community(String community, Long population, long openAtEnd, long openPastDue) {}

  /** One row of the equity mart; nulls where a figure has no basis. */
  public record Row(String community, Long population, long requests, Double requestsPer1000, Double requestsPer1000Lo,
      Double requestsPer1000Hi, long closed, long openPastDue, Double openPastDueShare, Double waitIndex,
      Double waitIndexLo, Double waitIndexHi, Double rawGap, Double mixGap, long onTimeObserved, Double onTimeExpected,
      Double onTimeRatio, Double onTimeRatioLo, Double onTimeRatioHi, Double z, boolean flagged, String flagReason,
      Double waitIndexP90P10, Double theilRequestsPer1000, Double funnelCenter, Double funnelSd, Double funnelTau2) {}

  /** One row of equity_categories: what drives a flagged community's gap, category by category. */
  public record CategoryRow(String community, String category, long closed, double medianHours,
      Double cityMedianHours, Double meanR, Double locationQuotient) {}

  /** Both marts' rows. */
  public record Result(List<Row> communities, List<CategoryRow> categories) {}

  /**
   * Communities in {@code communities}' order, then {@code ALL}; {@code cityMedianHours} per category (for
   * equity_categories). A community needs {@code minClosed} closed requests for a z-score and a flag.
   */
  public static Result compute(List<Cell> cells, List<Community> communities, Map<String, Double> cityMedianHours,
      long minClosed) {
    City city = City.of(cells);
    Map<String, Sums> byCommunity = new LinkedHashMap<>();
    communities.forEach(c -> byCommunity.put(c.community(), new Sums()));
    for (Cell cell : cells) {
      byCommunity.computeIfAbsent(cell.community(), k -> new Sums()).add(cell, city);
    }
    Dispersion dispersion = Dispersion.of(byCommunity.values(), city, minClosed);
    Map<String, Community> facts = new HashMap<>();
    communities.forEach(c -> facts.put(c.community(), c));
    List<Row> rows = new ArrayList<>();
    List<Double> eligibleIndexes = new ArrayList<>();
    for (var e : byCommunity.entrySet()) {
      Row row = communityRow(e.getKey(), e.getValue(), facts.get(e.getKey()), city, dispersion, minClosed);
      rows.add(row);
      if (e.getValue().closed >= minClosed && row.waitIndex() != null) {
        eligibleIndexes.add(row.waitIndex());
      }
    }
    rows.add(cityRow(byCommunity, facts, city, dispersion, eligibleIndexes, rows));
    return new Result(rows, categoryRows(cells, rows, city, cityMedianHours));
  }

  private static Row communityRow(String id, Sums s, Community facts, City city, Dispersion d, long minClosed) {
    Long population = facts == null ? null : facts.population();
    long openAtEnd = facts == null ? 0 : facts.openAtEnd();
    long pastDue = facts == null ? 0 : facts.openPastDue();
    Double meanR = s.closed > 0 ? s.sumR / s.closed : null;
    Double[] wait = waitIndex(s.closed, s.sumR, s.sumRSq);
    Double rawGap = s.closed > 0 ? s.sumLog / s.closed - city.meanLog() : null;
    Double z = null;
    boolean flagged = false;
    String reason = null;
    if (s.closed < minClosed) {
      reason = TOO_FEW_CLOSED;
    } else if (meanR != null && city.sdR() > 0) {
      z = (meanR - d.center()) / Math.sqrt(city.sdR() * city.sdR() / s.closed + d.tau2());
      flagged = Math.abs(z) > FLAG_Z;
      reason = flagged ? (z > 0 ? SLOWER : FASTER) : null;
    }
    Double[] perThousand = perThousand(s.created, population);
    Double[] onTime = ratio(s.onTime, s.expectedOnTime);
    return new Row(id, population, s.created, perThousand[0], perThousand[1], perThousand[2], s.closed, pastDue,
        openAtEnd > 0 ? (double) pastDue / openAtEnd : null, wait[0], wait[1], wait[2], rawGap,
        rawGap == null ? null : rawGap - meanR, s.onTime, s.withDue > 0 ? s.expectedOnTime : null, onTime[0],
        onTime[1], onTime[2], z, flagged, reason, null, null, null, null, null);
  }

  private static Row cityRow(Map<String, Sums> byCommunity, Map<String, Community> facts, City city,
      Dispersion dispersion, List<Double> eligibleIndexes, List<Row> communityRows) {
    Sums all = new Sums();
    byCommunity.values().forEach(all::addAll);
    long openAtEnd = facts.values().stream().mapToLong(Community::openAtEnd).sum();
    long pastDue = facts.values().stream().mapToLong(Community::openPastDue).sum();
    boolean everyPopulation = !facts.isEmpty() && facts.values().stream().allMatch(c -> c.population() != null);
    Long population = everyPopulation ? facts.values().stream().mapToLong(Community::population).sum() : null;
    Double[] wait = waitIndex(all.closed, all.sumR, all.sumRSq);
    Double[] perThousand = perThousand(all.created, population);
    Double[] onTime = ratio(all.onTime, all.expectedOnTime);
    double[] indexes = eligibleIndexes.stream().mapToDouble(Double::doubleValue).toArray();
    Double spread = indexes.length >= 2
        ? Percentiles.exact(indexes, 0.9) / Percentiles.exact(indexes, 0.1) : null;
    return new Row(ALL, population, all.created, perThousand[0], perThousand[1], perThousand[2], all.closed, pastDue,
        openAtEnd > 0 ? (double) pastDue / openAtEnd : null, wait[0], wait[1], wait[2], all.closed > 0 ? 0.0 : null,
        all.closed > 0 ? 0.0 : null, all.onTime, all.withDue > 0 ? all.expectedOnTime : null, onTime[0], onTime[1],
        onTime[2], null, false, null, spread, theil(communityRows), Math.exp(dispersion.center()),
        city.sdR() > 0 ? city.sdR() : null, dispersion.tau2());
  }

  /** {wait_index, lo, hi} from n closures with Σr and Σr²; nulls without closures. */
  static Double[] waitIndex(long n, double sumR, double sumRSq) {
    if (n == 0) {
      return new Double[] {null, null, null};
    }
    double mean = sumR / n;
    if (n == 1) {
      return new Double[] {Math.exp(mean), null, null};
    }
    double variance = Math.max(0, (sumRSq - n * mean * mean) / (n - 1));
    double se = Math.sqrt(variance / n);
    return new Double[] {Math.exp(mean), Math.exp(mean - Z95 * se), Math.exp(mean + Z95 * se)};
  }

  /** {per 1,000, lo, hi} with the exact Poisson interval; nulls when the population is unknown or 0. */
  static Double[] perThousand(long count, Long population) {
    if (population == null || population <= 0) {
      return new Double[] {null, null, null};
    }
    double[] ci = PoissonInterval.of(count);
    double k = 1000.0 / population;
    return new Double[] {count * k, ci[0] * k, ci[1] * k};
  }

  /** {observed ÷ expected, lo, hi}, the interval exact Poisson on the observed count; nulls when nothing is expected. */
  static Double[] ratio(long observed, double expected) {
    if (!(expected > 0)) {
      return new Double[] {null, null, null};
    }
    double[] ci = PoissonInterval.of(observed);
    return new Double[] {observed / expected, ci[0] / expected, ci[1] / expected};
  }

  /**
   * Population-weighted Theil index of requests per 1,000 over the communities with a known population:
   * Σ s_c · (x_c / μ) · ln(x_c / μ), s_c the population share, μ the weighted mean (0 · ln 0 = 0).
   */
  static Double theil(List<Row> rows) {
    double population = 0;
    double requests = 0;
    for (Row r : rows) {
      if (r.population() != null && r.population() > 0) {
        population += r.population();
        requests += r.requests();
      }
    }
    if (population == 0 || requests == 0) {
      return null;
    }
    double mu = requests / population;
    double t = 0;
    for (Row r : rows) {
      if (r.population() != null && r.population() > 0 && r.requests() > 0) {
        double ratio = (r.requests() / (double) r.population()) / mu;
        t += r.population() / population * ratio * Math.log(ratio);
      }
    }
    return t;
  }

  private static List<CategoryRow> categoryRows(List<Cell> cells, List<Row> rows, City city,
      Map<String, Double> cityMedianHours) {
    Map<String, Long> createdByCommunity = new HashMap<>();
    cells.forEach(c -> createdByCommunity.merge(c.community(), c.created(), Long::sum));
    List<CategoryRow> out = new ArrayList<>();
    for (Row r : rows) {
      if (!r.flagged()) {
        continue;
      }
      for (Cell c : cells) {
        if (!c.community().equals(r.community())) {
          continue;
        }
        long communityCreated = createdByCommunity.getOrDefault(c.community(), 0L);
        long categoryCreated = city.createdByCategory.getOrDefault(c.category(), 0L);
        Double lq = communityCreated > 0 && categoryCreated > 0
            ? (c.created() / (double) communityCreated) / (categoryCreated / (double) city.created) : null;
        Double meanR = c.closed() > 0 ? c.sumLog() / c.closed() - city.g(c.category()) : null;
        out.add(new CategoryRow(c.community(), c.category(), c.closed(), c.medianHours(),
            cityMedianHours.get(c.category()), meanR, lq));
      }
    }
    return out;
  }

  /** The city's per-category figures: g_k, the on-time share, and the spread of r. */
  private record City(Map<String, Double> meanLogByCategory, Map<String, Double> onTimeShare,
      Map<String, Long> createdByCategory, long created, double meanLog, double sdR) {
    static City of(List<Cell> cells) {
      Map<String, double[]> k = new HashMap<>(); // closed, Σln, Σln², withDue, onTime, created
      for (Cell c : cells) {
        double[] a = k.computeIfAbsent(c.category(), x -> new double[6]);
        a[0] += c.closed();
        a[1] += c.sumLog();
        a[2] += c.sumLogSq();
        a[3] += c.withDue();
        a[4] += c.onTime();
        a[5] += c.created();
      }
      Map<String, Double> g = new HashMap<>();
      Map<String, Double> share = new HashMap<>();
      Map<String, Long> created = new HashMap<>();
      double n = 0;
      double sumLog = 0;
      double sumRSq = 0;
      long createdAll = 0;
      for (var e : k.entrySet()) {
        double[] a = e.getValue();
        created.put(e.getKey(), (long) a[5]);
        createdAll += (long) a[5];
        if (a[0] > 0) {
          double gk = a[1] / a[0];
          g.put(e.getKey(), gk);
          // Σ (ln − g_k)² over the category = Σln² − 2 g_k Σln + n g_k².
          sumRSq += a[2] - 2 * gk * a[1] + a[0] * gk * gk;
        }
        if (a[3] > 0) {
          share.put(e.getKey(), a[4] / a[3]);
        }
        n += a[0];
        sumLog += a[1];
      }
      // The city's r has mean 0 by construction (each category is centred on its own mean).
      double sd = n > 1 ? Math.sqrt(Math.max(0, sumRSq) / (n - 1)) : 0;
      return new City(g, share, created, createdAll, n > 0 ? sumLog / n : 0, sd);
    }

    double g(String category) {
      return meanLogByCategory.getOrDefault(category, 0.0);
    }
  }

  /** Running sums of one community (or the city) in the units the rows need. */
  private static final class Sums {
    long created;
    long closed;
    double sumLog;
    double sumR;
    double sumRSq;
    long withDue;
    long onTime;
    double expectedOnTime;

    void add(Cell c, City city) {
      double gk = city.g(c.category());
      created += c.created();
      closed += c.closed();
      sumLog += c.sumLog();
      sumR += c.sumLog() - c.closed() * gk;
      sumRSq += c.sumLogSq() - 2 * gk * c.sumLog() + c.closed() * gk * gk;
      withDue += c.withDue();
      onTime += c.onTime();
      expectedOnTime += c.withDue() * city.onTimeShare().getOrDefault(c.category(), 0.0);
    }

    void addAll(Sums o) {
      created += o.created;
      closed += o.closed;
      sumLog += o.sumLog;
      sumR += o.sumR;
      sumRSq += o.sumRSq;
      withDue += o.withDue;
      onTime += o.onTime;
      expectedOnTime += o.expectedOnTime;
    }
  }

  /**
   * The funnel's centre and additive over-dispersion (Spiegelhalter 2005). The centre is the median of the
   * eligible communities' mean r (0, the city, under 3 of them): one community served much slower pulls the
   * city's g_k toward itself, which makes every other community look slightly faster than the city; against
   * the typical community, one far outlier cannot push the rest across a limit. The z-scores of the communities
   * with enough closures about that centre, winsorized at {@value #WINSOR} each end, give φ = mean z²; when m·φ
   * exceeds m − 1, τ² = (m·φ − (m − 1)) ÷ (Σw − Σw² / Σw), w = 1 / s², is added to every community's variance
   * s² = σ² / n.
   */
  private record Dispersion(double center, double tau2) {
    static Dispersion of(Iterable<Sums> communities, City city, long minClosed) {
      List<double[]> ys = new ArrayList<>(); // {mean r, s²}
      double sigma2 = city.sdR() * city.sdR();
      for (Sums s : communities) {
        if (s.closed >= minClosed && s.closed > 0 && sigma2 > 0) {
          ys.add(new double[] {s.sumR / s.closed, sigma2 / s.closed});
        }
      }
      int m = ys.size();
      double center = m >= 3 ? Percentiles.exact(ys.stream().mapToDouble(y -> y[0]).toArray(), 0.5) : 0;
      if (m < 2) {
        return new Dispersion(center, 0);
      }
      double[] z = ys.stream().mapToDouble(y -> (y[0] - center) / Math.sqrt(y[1])).sorted().toArray();
      int cut = (int) Math.floor(WINSOR * m);
      double lowest = z[cut];
      double highest = z[m - 1 - cut];
      double phi = Arrays.stream(z).map(v -> Math.min(highest, Math.max(lowest, v))).map(v -> v * v).sum() / m;
      if (m * phi <= m - 1) {
        return new Dispersion(center, 0);
      }
      double sw = 0;
      double sw2 = 0;
      for (double[] y : ys) {
        double w = 1 / y[1];
        sw += w;
        sw2 += w * w;
      }
      return new Dispersion(center, (m * phi - (m - 1)) / (sw - sw2 / sw));
    }
  }
}
