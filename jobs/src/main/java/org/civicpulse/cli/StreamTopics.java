package org.civicpulse.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.civicpulse.config.Config;
import org.civicpulse.config.ConfigKeys;
import org.civicpulse.schema.Schemas;

/** The Kafka topic names of the config (stream.topic.*), by the dataset each carries. */
record StreamTopics(String requests, String feedback, String participation, String alerts) {
  static StreamTopics of(Config config) {
    return new StreamTopics(config.get(ConfigKeys.TOPIC_REQUESTS), config.get(ConfigKeys.TOPIC_FEEDBACK),
        config.get(ConfigKeys.TOPIC_PARTICIPATION), config.get(ConfigKeys.TOPIC_ALERTS));
  }

  Map<String, String> byDataset() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(Schemas.SERVICE_REQUESTS, requests);
    m.put(Schemas.FEEDBACK, feedback);
    m.put(Schemas.PARTICIPATION, participation);
    return m;
  }
}
