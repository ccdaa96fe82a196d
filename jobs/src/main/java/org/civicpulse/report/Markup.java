package org.civicpulse.report;

/**
 * A small HTML builder that escapes by default: text and attribute values always go through
 * {@link Html#escape}; only {@link #trusted} appends markup verbatim, and callers pass it only strings
 * they built from constants or from other Markup.
 */
final class Markup {
  private final StringBuilder sb = new StringBuilder(4096);

  /** Opens a tag; attrs are name/value pairs, values escaped (names are constants). */
  Markup open(String tag, String... attrs) {
    sb.append('<').append(tag);
    for (int i = 0; i + 1 < attrs.length; i += 2) {
      if (attrs[i + 1] != null) {
        sb.append(' ').append(attrs[i]).append("=\"").append(Html.escape(attrs[i + 1])).append('"');
      }
    }
    sb.append('>');
    return this;
  }

  Markup close(String tag) {
    sb.append("</").append(tag).append('>');
    return this;
  }

  /** Escaped text content. */
  Markup text(String s) {
    sb.append(Html.escape(s));
    return this;
  }

  /** An element whose content is escaped text. */
  Markup el(String tag, String text, String... attrs) {
    return open(tag, attrs).text(text).close(tag);
  }

  /** A void element such as img or meta. */
  Markup empty(String tag, String... attrs) {
    return open(tag, attrs);
  }

  /** Appends markup verbatim: only for strings built by this class or from constants. */
  Markup trusted(String markup) {
    sb.append(markup);
    return this;
  }

  Markup append(Markup other) {
    sb.append(other.sb);
    return this;
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
