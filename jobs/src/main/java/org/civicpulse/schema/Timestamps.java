package org.civicpulse.schema;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Parses input timestamps: ISO-8601 with 'T' or a space, optional seconds and fraction, optional offset. */
public final class Timestamps {
  private Timestamps() {}

  /** The instant, or null when the text is not a timestamp; text without an offset is local time in zone. */
  public static Instant parse(String text, ZoneId zone) {
    if (text == null || text.length() < 16) {
      return null;
    }
    String s = text.trim();
    if (s.length() > 10 && s.charAt(10) == ' ') {
      s = s.substring(0, 10) + 'T' + s.substring(11);
    }
    try {
      if (hasOffset(s)) {
        return OffsetDateTime.parse(s).toInstant();
      }
      return LocalDateTime.parse(s).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean hasOffset(String s) {
    if (s.endsWith("Z")) {
      return true;
    }
    int t = s.indexOf('T');
    return t > 0 && (s.indexOf('+', t) > 0 || s.indexOf('-', t) > 0);
  }
}
