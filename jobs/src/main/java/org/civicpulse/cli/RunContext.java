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
      String zone = config.get(ConfigKeys.TIMEZONE);
      int partitions = config.getInt(ConfigKeys.SHUFFLE_PARTITIONS);
      SparkSession spark;
      if (ChainStep.role() == ChainStep.Role.BESIDE) {
        // Beside another command of the chain: a session of its own, so neither one's settings (StepScale's
        // step sizes) change the other's; the shared one is not rebuilt, which would reset its settings midway.
        spark = SparkSessions.sibling(SparkSession.getDefaultSession().isDefined() ? SparkSession.getDefaultSession().get()
            : SparkSessions.create(zone, partitions));
        spark.conf().set(SparkSessions.ZONE, zone);
        SparkSession.setActiveSession(spark);
      } else {
        spark = SparkSessions.create(zone, partitions);
      }
      profile.attach(spark.sparkContext());
      store = new DeltaStore(spark);
      progress.accept("Spark started");
    }
    return store;
  }
}
