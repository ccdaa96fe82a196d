package org.civicpulse.dashboard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.SessionCatalog;

/**
 * One SQL statement over the Datasets it is given: {@code {name}} in the text stands for the Dataset bound to
 * that name. Each binding is a temporary view with a name of its own, dropped as soon as the statement is
 * analysed, so a metric reads only its arguments and never a view some other code registered.
 *
 * <p>The views are dropped from the session catalog itself, not through {@code spark.catalog().dropTempView}:
 * that one also uncaches the view's plan, which is the plan of the Dataset bound to it — so every input the
 * dashboard had persisted lost its cache the first time a statement bound it, and every later statement read
 * its Delta files again (docs/performance.md).
 */
final class BoundSql {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)}");
  private static final AtomicLong NEXT = new AtomicLong();

  private final String text;
  private final Map<String, Dataset<Row>> inputs = new LinkedHashMap<>();

  private BoundSql(String text) {
    this.text = text;
  }

  static BoundSql of(String text) {
    return new BoundSql(text);
  }

  BoundSql with(String name, Dataset<Row> input) {
    inputs.put(name, input);
    return this;
  }

  /** The statement's Dataset; its plan holds the inputs' plans, so it stays valid once the views are gone. */
  Dataset<Row> run() {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("a bound statement needs at least one input");
    }
    Map<String, String> views = new LinkedHashMap<>();
    inputs.keySet().forEach(name -> views.put(name, "cp_" + name + "_" + NEXT.incrementAndGet()));
    String sql = substitute(views);
    List<String> registered = new ArrayList<>();
    SparkSession spark = inputs.values().iterator().next().sparkSession();
    try {
      inputs.forEach((name, df) -> {
        df.createOrReplaceTempView(views.get(name));
        registered.add(views.get(name));
      });
      return spark.sql(sql);
    } finally {
      SessionCatalog catalog = ((org.apache.spark.sql.classic.SparkSession) spark).sessionState().catalog();
      registered.forEach(catalog::dropTempView);
    }
  }

  private String substitute(Map<String, String> views) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    Set<String> used = new HashSet<>();
    while (m.find()) {
      String view = views.get(m.group(1));
      if (view == null) {
        throw new IllegalArgumentException("no input bound to {" + m.group(1) + "}");
      }
      used.add(m.group(1));
      m.appendReplacement(out, view);
    }
    m.appendTail(out);
    if (!used.containsAll(inputs.keySet())) {
      List<String> unused = inputs.keySet().stream().filter(n -> !used.contains(n)).toList();
      throw new IllegalArgumentException("inputs bound but not used: " + unused);
    }
    return out.toString();
  }
}
