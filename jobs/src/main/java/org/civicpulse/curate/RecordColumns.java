package org.civicpulse.curate;

/**
 * Columns every source adapter hands to curation beside a record's curated fields: its raw text and the reasons
 * it is invalid (empty when valid). Where it came from is the adapter's own (file and line, or topic, partition
 * and offset; see {@link QuarantineRows.Position}).
 */
public final class RecordColumns {
  public static final String RAW = "_raw";
  public static final String REASONS = "_reasons";

  private RecordColumns() {}
}
