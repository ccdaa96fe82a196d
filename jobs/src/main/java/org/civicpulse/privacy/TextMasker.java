package org.civicpulse.privacy;

import java.util.regex.Pattern;

/** Masks phone-like digit runs and Chinese resident ID numbers in free text before it enters the lake. */
public final class TextMasker {
  /** 17 digits and a check character: a Chinese resident ID number. */
  private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");
  /** Seven or more digits, possibly separated by single spaces or hyphens (138-1234-5678). */
  private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){6,}(?![0-9])");
  public static final String MASK = "***";

  private TextMasker() {}

  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = RESIDENT_ID.matcher(text).replaceAll(MASK);
    return DIGIT_RUN.matcher(out).replaceAll(MASK);
  }
}
