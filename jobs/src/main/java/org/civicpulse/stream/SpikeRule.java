package org.civicpulse.stream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.civicpulse.stats.Percentiles;
import org.civicpulse.stats.RobustZ;

/**
 * The robust-z rule of docs/metrics.md on one clock hour: its created requests against the same hour of the
 * previous 8 weeks (zero-filled where the lake already had data, at least 6 needed). Only rises are spikes.
 * Pure: counts in, alerts out.
 */
public final class SpikeRule {
  public static final int WEEKS = 8;
  private static final Duration WEEK = Duration.ofDays(7);

  /** One flagged cell; the id is a hash of community, category and hour, so re-detection gives the same id. */
  public record Alert(String alertId, String communityId, String category, Instant windowStart, long volume,
      double baselineMedian, Double z) {}

  /** The cell of a count: community, category, hour start. */
  public record Cell(String communityId, String category, Instant hour) {}

  private SpikeRule() {}

  /**
   * @param counts created requests per cell (only non-zero cells)
   * @param hours the hours to judge
   * @param firstData the hour of the lake's first event: earlier weeks have no data and are left out
   */
  public static List<Alert> judge(Map<Cell, Long> counts, List<Instant> hours, Instant firstData) {
    List<Alert> out = new ArrayList<>();
    for (Map.Entry<Cell, Long> e : counts.entrySet()) {
      Cell c = e.getKey();
      if (!hours.contains(c.hour())) {
        continue;
      }
      List<Double> hist = new ArrayList<>();
      for (int k = 1; k <= WEEKS; k++) {
        Instant h = c.hour().minus(WEEK.multipliedBy(k));
        if (!h.isBefore(firstData)) {
          hist.add((double) counts.getOrDefault(new Cell(c.communityId(), c.category(), h), 0L));
        }
      }
      double[] history = hist.stream().mapToDouble(Double::doubleValue).toArray();
      long x = e.getValue();
      RobustZ.Result r = RobustZ.score(x, history);
      if (!r.flag()) {
        continue;
      }
      double median = Percentiles.exact(history, 0.5);
      if (x > median) {
        out.add(new Alert(alertId(c), c.communityId(), c.category(), c.hour(), x, median,
            r.z().isPresent() ? r.z().getAsDouble() : null));
      }
    }
    return out;
  }

  /** The hours of the same clock hour in the previous weeks, for every judged hour. */
  public static List<Instant> historyHours(List<Instant> hours) {
    List<Instant> out = new ArrayList<>();
    for (Instant h : hours) {
      for (int k = 1; k <= WEEKS; k++) {
        out.add(h.minus(WEEK.multipliedBy(k)));
      }
    }
    return out;
  }

  static String alertId(Cell c) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest((c.communityId() + "|" + c.category() + "|" + c.hour())
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
