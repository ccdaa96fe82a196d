package org.civicpulse.ingest;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An iterator over records of a format without a CSV header (JSON Lines, Open311): it yields a synthetic header
 * of landing names first, so such records flow through the same staging as CSV. Subclasses only read records.
 */
abstract class HeaderFirstReader implements Iterator<RawRecord> {
  private final List<String> header;
  private boolean headerSent;
  private RawRecord next;

  HeaderFirstReader(List<String> header) {
    this.header = List.copyOf(header);
  }

  /** The next record of the file, or null at its end. */
  abstract RawRecord read();

  @Override
  public final boolean hasNext() {
    if (!headerSent) {
      return true;
    }
    if (next == null) {
      next = read();
    }
    return next != null;
  }

  @Override
  public final RawRecord next() {
    if (!headerSent) {
      headerSent = true;
      return new RawRecord(0, String.join(",", header), header, List.of());
    }
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RawRecord r = next;
    next = null;
    return r;
  }
}
