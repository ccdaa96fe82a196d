package org.civicpulse.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.config.Config;
import org.civicpulse.config.ConfigKeys;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.lake.RunProfile;
import org.civicpulse.lake.SparkSessions;

/** What a command body needs: the resolved config, the lake, Spark (started on first use), progress. */
public final class RunContext {
  final String runId;
  final Config config;
  final Lake lake;
  final Progress progress;
  final RunProfile profile;
  final List<Map<String, Object>> datasets = new ArrayList<>();
  private DeltaStore store;

  RunContext(String runId, Config config, Lake lake, Progress progress, RunProfile profile) {
    this.profile = profile;
    this.runId = runId;
    this.config = config;
    this.lake = lake;
    this.progress = progress;
  }

  DeltaStore store() {
    if (store == null) {
      progress.accept("starting Spark");
      SparkSession spark = SparkSessions.create(config.get(ConfigKeys.TIMEZONE), config.getInt(ConfigKeys.SHUFFLE_PARTITIONS));
      profile.attach(spark.sparkContext());
      store = new DeltaStore(spark);
      progress.accept("Spark started");
    }
    return store;
  }
}
