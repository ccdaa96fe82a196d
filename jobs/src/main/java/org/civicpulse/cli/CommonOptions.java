package org.civicpulse.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command takes: the lake, the config file, --set overrides, --verbose. */
public final class CommonOptions {
  @Option(names = "--lake", paramLabel = "DIR", description = "Lake folder (default: config key 'lake', i.e. ./lake).")
  Path lake;

  @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: conf/civicpulse.properties if present).")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key (repeatable).")
  Map<String, String> sets = new LinkedHashMap<>();

  @Option(names = "--profile", description = "Print where the run's time went (phases, Spark jobs and tasks) on stderr at the end.")
  boolean profile;

  @Option(names = "--verbose", description = "Print stack traces and Spark's INFO logs.")
  boolean verbose;
}
