package org.civicpulse.ingest;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/** Small conversions the source adapters share: ids from names, dates without a time, epoch milliseconds. */
public final class SourceValues {
  private SourceValues() {}

  /**
   * An id from a place name: accents dropped, lower case, every other run of characters one '_'
   * ("Gdańsk / Wrzeszcz Górny" → gdansk_wrzeszcz_gorny). Reference files use the same ids.
   */
  public static String slug(String name) {
    String s = Normalizer.normalize(name.replace('ł', 'l').replace('Ł', 'L'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return s.replaceAll("^_+|_+$", "");
  }

  /**
   * Noon of a day, as a local time without offset (validation reads it in the run's zone): sources that give a
   * day but no time land on that day whatever the zone, and noon keeps them off a day boundary.
   */
  public static String noon(LocalDate day) {
    return day + "T12:00:00";
  }

  /** An epoch-milliseconds value (Polis writes them as 1631509962703.0) as an ISO instant, or the text unchanged. */
  public static String epochMillis(String text) {
    try {
      return Instant.ofEpochMilli((long) Double.parseDouble(text.trim())).toString();
    } catch (NumberFormatException e) {
      return text; // validation quarantines it as bad_timestamp, with its line
    }
  }

  /** Empty when any part is blank (a required id then fails validation as missing), else the parts joined. */
  public static String joinedOrEmpty(String sep, String... parts) {
    for (String p : parts) {
      if (p == null || p.isBlank()) {
        return "";
      }
    }
    return String.join(sep, parts);
  }
}
