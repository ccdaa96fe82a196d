package org.civicpulse.testing;

import java.time.LocalDateTime;

/**
 * The planted burst of the streaming tests, as landing CSV (local times): C01/heating had 1, 2, 3, 2, 1, 2, 3, 2
 * created requests at 10:00, 10:01, … on the 8 Mondays before 2025-03-03 (k = 1..8), then 15 at 10:00–10:14 on
 * 2025-03-03; all open. Median 2, MAD 0.5: z = (15 − 2) / (1.4826 · 0.5) = 17.5368.
 */
public final class SpikeFixture {
  public static final String HEADER = "request_id,created_at,community_id,category,channel,status,closed_at\n";
  private static final int[] HISTORY = {1, 2, 3, 2, 1, 2, 3, 2};

  private SpikeFixture() {}

  /** The header and the 16 + 15 rows; callers may append rows of the same columns. */
  public static StringBuilder csv() {
    StringBuilder sb = new StringBuilder(HEADER);
    LocalDateTime spike = LocalDateTime.of(2025, 3, 3, 10, 0);
    for (int k = 1; k <= 8; k++) {
      for (int i = 0; i < HISTORY[k - 1]; i++) {
        sb.append("H").append(k).append('-').append(i).append(',').append(spike.minusWeeks(k).plusMinutes(i))
            .append(",C01,heating,app,open,\n");
      }
    }
    for (int i = 0; i < 15; i++) {
      sb.append("S-").append(i).append(',').append(spike.plusMinutes(i)).append(",C01,heating,app,open,\n");
    }
    return sb;
  }
}
