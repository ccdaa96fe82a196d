package org.civicpulse.stream;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a stream run needs beyond Spark and the lake.
 *
 * @param topics dataset (service_requests, feedback, participation) → the topic carrying it
 * @param availableNow drain what the topics hold and exit (Trigger.AvailableNow), else run every triggerSeconds
 * @param maxOffsetsPerTrigger upper bound of records per micro-batch (keeps batches and memory bounded)
 */
public record StreamSettings(
    String bootstrap,
    Map<String, String> topics,
    String alertsTopic,
    Path checkpoint,
    boolean availableNow,
    int triggerSeconds,
    long maxOffsetsPerTrigger,
    String zone,
    Map<String, Double> slaOverrides,
    int latenessHours) {}
