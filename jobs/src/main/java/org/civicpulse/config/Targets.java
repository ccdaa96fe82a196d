package org.civicpulse.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;

/** Score targets from conf/targets.properties: metric → target value; unknown metrics are an error. */
public final class Targets {
  /** The score's metrics and whether higher is better (docs/metrics.md). */
  public static final Map<String, Boolean> HIGHER_IS_BETTER = new LinkedHashMap<>();

  static {
    HIGHER_IS_BETTER.put("sla_compliance", true);
    HIGHER_IS_BETTER.put("csat", true);
    HIGHER_IS_BETTER.put("feedback_rate", true);
    HIGHER_IS_BETTER.put("participation_per_1000", true);
    HIGHER_IS_BETTER.put("first_response_p50_h", false);
    HIGHER_IS_BETTER.put("resolution_p90_h", false);
    HIGHER_IS_BETTER.put("overdue", false);
    HIGHER_IS_BETTER.put("reopen_rate", false);
  }

  private final Map<String, Double> values;

  public Targets(Map<String, Double> values) {
    for (String k : values.keySet()) {
      if (!HIGHER_IS_BETTER.containsKey(k)) {
        throw new ConfigException("unknown metric '" + k + "' in targets; known: " + HIGHER_IS_BETTER.keySet());
      }
    }
    this.values = Map.copyOf(values);
  }

  public static Targets load(Path file) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (file == null || !Files.isRegularFile(file)) {
      return new Targets(out);
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new ConfigException("cannot read targets file " + file + ": " + e.getMessage());
    }
    for (String k : p.stringPropertyNames()) {
      try {
        out.put(k, Double.parseDouble(p.getProperty(k).trim()));
      } catch (NumberFormatException e) {
        throw new ConfigException("bad target for " + k + " in " + file + ": '" + p.getProperty(k) + "'");
      }
    }
    return new Targets(out);
  }

  public Map<String, Double> asMap() {
    return values;
  }

  public OptionalDouble target(String metric) {
    Double v = values.get(metric);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
