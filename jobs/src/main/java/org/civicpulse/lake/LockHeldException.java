package org.civicpulse.lake;

/** Another live batch run holds the lake lock. */
public class LockHeldException extends RuntimeException {
  public LockHeldException(String message) {
    super(message);
  }
}
