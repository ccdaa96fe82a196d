package org.civicpulse.dashboard;

/** SQL pieces of the CUBE every daily family groups by: date × community × category with their ALL roll-ups. */
final class Rollup {
  private Rollup() {}

  /** Roll-up labels: a null produced by CUBE means "all". */
  static String all(String column) {
    return "coalesce(" + column + ", 'ALL') AS " + column;
  }

  /** GROUP BY date with community × category and their ALL roll-ups. */
  static final String CUBE = "GROUP BY date, CUBE(community_id, category)";
  static final String KEYS = "date, " + all("community_id") + ", " + all("category");
}
