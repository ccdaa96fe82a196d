package org.civicpulse.ingest;

/** Input a user must fix before anything runs: a missing file, a header without a required column. */
public class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }
}
