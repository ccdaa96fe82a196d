package org.civicpulse.report;

/** The one escaping helper: every input-derived string reaches a page through {@link #escape}. */
public final class Html {
  private Html() {}

  /**
   * Escapes text for HTML element content and double- or single-quoted attribute values.
   * Null becomes empty, so a missing name can never print "null".
   */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
