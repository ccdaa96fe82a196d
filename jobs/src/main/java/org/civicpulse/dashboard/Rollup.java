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

  /**
   * The CUBE's four grouping sets as rows: a row of the statement it follows (with community_id and category)
   * becomes four, its own cell and the three roll-ups, as {@code k.community} and {@code k.cat}. A distinct count
   * taken after it counts a request once per cell, as count(DISTINCT …) under the CUBE does, but costs one
   * DISTINCT instead of Spark's expansion of the rows once more for every distinct expression.
   */
  static final String EXPLODED_SETS = " LATERAL VIEW explode(array(named_struct('community', community_id, 'cat', category),"
      + " named_struct('community', community_id, 'cat', 'ALL'), named_struct('community', 'ALL', 'cat', category),"
      + " named_struct('community', 'ALL', 'cat', 'ALL'))) t AS k";
}
