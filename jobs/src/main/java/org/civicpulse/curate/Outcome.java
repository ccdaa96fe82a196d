package org.civicpulse.curate;

/** What curation did with one valid record: the vocabulary of the run counts and of the classifier's column. */
public final class Outcome {
  /** The column a classifier adds to each record. */
  public static final String COLUMN = "_outcome";
  public static final String INSERTED = "inserted";
  public static final String UPDATED = "updated";
  public static final String UNCHANGED = "unchanged";
  /** A fact whose id is already taken by different content: quarantined as conflicting_id. */
  public static final String CONFLICTING = "conflicting";

  private Outcome() {}
}
