package org.civicpulse.stream;

import java.util.LinkedHashMap;
import java.util.Map;

/** Running totals of a stream run: batches, and records read and quarantined per dataset. */
public final class BatchCounts {
  private long batches;
  private final Map<String, long[]> perDataset = new LinkedHashMap<>();

  synchronized void add(String dataset, long read, long quarantined) {
    long[] c = perDataset.computeIfAbsent(dataset, k -> new long[2]);
    c[0] += read;
    c[1] += quarantined;
  }

  synchronized void batchDone() {
    batches++;
  }

  public synchronized long batches() {
    return batches;
  }

  public synchronized long read(String dataset) {
    return perDataset.getOrDefault(dataset, new long[2])[0];
  }

  public synchronized long quarantined(String dataset) {
    return perDataset.getOrDefault(dataset, new long[2])[1];
  }

  /** One summary line: `stream batches=N <dataset>_read=N <dataset>_quarantined=N …`. */
  public synchronized String summaryLine() {
    StringBuilder sb = new StringBuilder("stream batches=" + batches);
    perDataset.forEach((ds, c) -> sb.append(' ').append(ds).append("_read=").append(c[0])
        .append(' ').append(ds).append("_quarantined=").append(c[1]));
    return sb.toString();
  }
}
