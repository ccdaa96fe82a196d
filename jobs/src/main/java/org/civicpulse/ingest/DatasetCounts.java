package org.civicpulse.ingest;

/** What happened to every record read for one dataset: read = inserted + updated + unchanged + quarantined. */
public record DatasetCounts(String dataset, long read, long inserted, long updated, long unchanged, long quarantined) {

  public boolean reconciles() {
    return read == inserted + updated + unchanged + quarantined;
  }

  public double quarantineShare() {
    return read == 0 ? 0.0 : (double) quarantined / read;
  }

  /** The stdout line of README "Running commands". */
  public String summaryLine() {
    return "ingest dataset=" + dataset + " read=" + read + " inserted=" + inserted + " updated=" + updated
        + " unchanged=" + unchanged + " quarantined=" + quarantined;
  }
}
