package org.civicpulse.ingest;

import java.time.Instant;

/**
 * One Kafka message replay sends: the dataset (which topic), the key (community_id, so one community's events
 * stay in order on one partition), the event time it is paced and ordered by, and the value (JSON, or the
 * raw landing text of a broken record, which the stream then quarantines as bad JSON).
 */
public record ReplayEvent(String dataset, String key, Instant time, String value) {}
