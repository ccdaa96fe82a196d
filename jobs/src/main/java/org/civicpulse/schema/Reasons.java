package org.civicpulse.schema;

/** Reason codes for rejected records; each reason is stored as "code: short text". */
public final class Reasons {
  public static final String MISSING_REQUIRED = "missing_required";
  public static final String BAD_TIMESTAMP = "bad_timestamp";
  public static final String BAD_NUMBER = "bad_number";
  public static final String BAD_ENUM = "bad_enum";
  public static final String OUT_OF_RANGE = "out_of_range";
  public static final String UNKNOWN_COMMUNITY = "unknown_community";
  public static final String UNKNOWN_CATEGORY = "unknown_category";
  public static final String TOO_MANY_FIELDS = "too_many_fields";
  public static final String TOO_FEW_FIELDS = "too_few_fields";
  public static final String BROKEN_QUOTING = "broken_quoting";
  public static final String BAD_JSON = "bad_json";
  public static final String CONFLICTING_ID = "conflicting_id";
  /** A survey answer that is not a rating (e.g. 9 = don't know): read, accounted for, never a feedback row. */
  public static final String NO_RATING = "no_rating";
  /** A line of a sectioned file (Pabulib .pb) outside any known section. */
  public static final String BAD_SECTION = "bad_section";

  private Reasons() {}

  public static String of(String code, String text) {
    return code + ": " + text;
  }

  /** The code part of a stored reason. */
  public static String code(String reason) {
    int colon = reason.indexOf(':');
    return colon < 0 ? reason : reason.substring(0, colon);
  }
}
