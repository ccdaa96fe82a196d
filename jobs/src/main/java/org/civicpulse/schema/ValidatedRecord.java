package org.civicpulse.schema;

import java.util.List;

/** A record checked against its schema: typed values in curated field order, and every reason it failed. */
public record ValidatedRecord(Object[] values, List<String> reasons) {
  public boolean valid() {
    return reasons.isEmpty();
  }
}
