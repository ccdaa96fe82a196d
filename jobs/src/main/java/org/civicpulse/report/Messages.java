package org.civicpulse.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The zh or en message bundle (report/messages_*.properties, read as UTF-8). */
final class Messages {
  private final String lang;
  private final Properties props;

  private Messages(String lang, Properties props) {
    this.lang = lang;
    this.props = props;
  }

  /** Loads the bundle for "zh" or "en"; anything else is a caller bug, so it fails loudly. */
  static Messages load(String lang) {
    String l = lang == null ? "zh" : lang.trim().toLowerCase(java.util.Locale.ROOT);
    if (!l.equals("zh") && !l.equals("en")) {
      throw new IllegalArgumentException("report language must be zh or en, not " + lang);
    }
    Properties p = new Properties();
    String res = "/report/messages_" + l + ".properties";
    // Read through a UTF-8 reader: Properties.load(InputStream) would assume ISO-8859-1.
    try (InputStream in = Messages.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + res);
      }
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + res, e);
    }
    return new Messages(l, p);
  }

  String lang() {
    return lang;
  }

  boolean has(String key) {
    return props.containsKey(key);
  }

  /** A missing key is a defect in the bundles; failing makes the tests catch it. */
  String get(String key) {
    String v = props.getProperty(key);
    if (v == null) {
      throw new IllegalStateException("missing message '" + key + "' in messages_" + lang);
    }
    return v;
  }

  /** get(key) with {0}, {1}, ... replaced literally (no MessageFormat quoting rules). */
  String format(String key, Object... args) {
    String v = get(key);
    for (int i = 0; i < args.length; i++) {
      v = v.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return v;
  }

  /** The label of a metric column, or the raw name if the bundle does not know it. */
  String metric(String name) {
    String k = "metric." + name;
    return has(k) ? get(k) : name;
  }
}
