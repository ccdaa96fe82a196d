package org.civicpulse.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Resolved configuration. Precedence: command option &gt; --set key=value &gt; environment
 * CIVICPULSE_SET_&lt;KEY&gt; &gt; file &gt; default. Relative paths resolve against the config file's folder.
 */
public final class Config {
  public static final String ENV_PREFIX = "CIVICPULSE_SET_";

  private final Map<String, String> values;
  private final Path base;

  private Config(Map<String, String> values, Path base) {
    this.values = values;
    this.base = base;
  }

  /** Defaults only, paths relative to the working directory. */
  public static Config defaults() {
    return load(null, Map.of(), Map.of());
  }

  /**
   * @param file config file, or null for none (then conf/civicpulse.properties if it exists)
   * @param sets --set pairs
   * @param env the process environment
   */
  public static Config load(Path file, Map<String, String> sets, Map<String, String> env) {
    Map<String, String> values = new TreeMap<>();
    for (ConfigKey k : ConfigKeys.all()) {
      if (k.defaultValue() != null) {
        values.put(k.name(), k.defaultValue());
      }
    }
    Path base = Path.of("").toAbsolutePath();
    Path chosen = file;
    if (chosen == null && Files.isRegularFile(Path.of("conf", "civicpulse.properties"))) {
      chosen = Path.of("conf", "civicpulse.properties");
    }
    if (chosen != null) {
      Path abs = chosen.toAbsolutePath();
      base = abs.getParent();
      putChecked(values, readFile(abs), abs.toString());
    }
    Map<String, String> fromEnv = new HashMap<>();
    env.forEach((k, v) -> {
      if (k.startsWith(ENV_PREFIX)) {
        fromEnv.put(envKeyToName(k.substring(ENV_PREFIX.length())), v);
      }
    });
    putChecked(values, fromEnv, "environment");
    putChecked(values, sets, "--set");
    Config config = new Config(values, base);
    config.validate();
    return config;
  }

  /** CIVICPULSE_SET_INGEST_MAX_QUARANTINE_SHARE → ingest.max_quarantine_share (first '_' after a known prefix is a dot). */
  static String envKeyToName(String envKey) {
    String lower = envKey.toLowerCase(java.util.Locale.ROOT);
    for (ConfigKey k : ConfigKeys.all()) {
      if (k.name().replace('.', '_').equals(lower)) {
        return k.name();
      }
    }
    if (lower.startsWith("sla_override_")) {
      return ConfigKeys.SLA_OVERRIDE_PREFIX + lower.substring("sla_override_".length());
    }
    return lower;
  }

  private static Map<String, String> readFile(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, String> out = new HashMap<>();
    p.stringPropertyNames().forEach(n -> out.put(n, p.getProperty(n).trim()));
    return out;
  }

  private static void putChecked(Map<String, String> values, Map<String, String> in, String origin) {
    in.forEach((k, v) -> {
      if (ConfigKeys.find(k).isEmpty()) {
        throw new ConfigException("unknown config key '" + k + "' (from " + origin + "); see docs/configuration.md");
      }
      values.put(k, v);
    });
  }

  private void validate() {
    try {
      ZoneId.of(get(ConfigKeys.TIMEZONE));
    } catch (DateTimeException e) {
      throw new ConfigException("bad value for timezone: '" + get(ConfigKeys.TIMEZONE) + "'");
    }
    String locale = get(ConfigKeys.LOCALE);
    if (!locale.equals("zh") && !locale.equals("en")) {
      throw new ConfigException("bad value for locale: '" + locale + "' (zh or en)");
    }
    String country = get(ConfigKeys.HOLIDAYS);
    if (!country.equals("CN") && !country.equals("US")) {
      throw new ConfigException("bad value for holidays.country: '" + country + "' (CN or US)");
    }
    getDouble(ConfigKeys.MAX_QUARANTINE_SHARE);
    getInt(ConfigKeys.SHUFFLE_PARTITIONS);
    getInt(ConfigKeys.REPORT_KEEP_DAYS);
    getInt(ConfigKeys.RUNS_KEEP_DAYS);
    getDouble(ConfigKeys.STATUS_MAX_AGE_HOURS);
    getInt(ConfigKeys.STATUS_MAX_LAG);
    dashboard();
    slaOverrides();
  }

  /** The equity window and minimum closures; each must be at least 1. */
  public EquitySettings equity() {
    int days = getInt(ConfigKeys.EQUITY_WINDOW_DAYS);
    int minClosed = getInt(ConfigKeys.EQUITY_MIN_CLOSED);
    if (days < 1 || minClosed < 1) {
      throw new ConfigException("bad value for " + (days < 1 ? ConfigKeys.EQUITY_WINDOW_DAYS + ": '" + days
          : ConfigKeys.EQUITY_MIN_CLOSED + ": '" + minClosed) + "' (at least 1)");
    }
    return new EquitySettings(days, minClosed);
  }

  /** The dashboard's settings: the equity lens's and the hot spots' minimum, which must be at least 1. */
  public DashboardSettings dashboard() {
    int minRequests = getInt(ConfigKeys.HOTSPOT_MIN_REQUESTS);
    if (minRequests < 1) {
      throw new ConfigException("bad value for " + ConfigKeys.HOTSPOT_MIN_REQUESTS + ": '" + minRequests + "' (at least 1)");
    }
    return new DashboardSettings(equity(), minRequests);
  }

  public String get(String key) {
    return values.get(key);
  }

  public Config with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(values);
    copy.put(key, value);
    return new Config(copy, base);
  }

  public double getDouble(String key) {
    try {
      return Double.parseDouble(get(key));
    } catch (NumberFormatException | NullPointerException e) {
      throw new ConfigException("bad value for " + key + ": '" + get(key) + "' (a number)");
    }
  }

  public int getInt(String key) {
    try {
      return Integer.parseInt(get(key));
    } catch (NumberFormatException | NullPointerException e) {
      throw new ConfigException("bad value for " + key + ": '" + get(key) + "' (a whole number)");
    }
  }

  /** A path-valued key, resolved against the config file's folder. */
  public Path path(String key) {
    return base.resolve(get(key)).normalize();
  }

  public ZoneId zone() {
    return ZoneId.of(get(ConfigKeys.TIMEZONE));
  }

  /** sla.override.&lt;category&gt; = hours. */
  public Map<String, Double> slaOverrides() {
    Map<String, Double> out = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(ConfigKeys.SLA_OVERRIDE_PREFIX)) {
        out.put(k.substring(ConfigKeys.SLA_OVERRIDE_PREFIX.length()), getDouble(k));
      }
    });
    return out;
  }

  public Map<String, String> asMap() {
    return new TreeMap<>(values);
  }
}
