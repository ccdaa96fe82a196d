package org.civicpulse.forecast;

/** A series of the hierarchy: community × category, with {@code ALL} for a roll-up level. */
public record SeriesKey(String community, String category) {
  public static final String ALL = "ALL";

  public boolean isBottom() {
    return !community.equals(ALL) && !category.equals(ALL);
  }
}
