package org.civicpulse.ingest;

import java.sql.Timestamp;

/** One derived lifecycle event of a request: its type, time and the state version it came from. */
public record RequestEvent(String eventId, String eventType, Timestamp eventTime, Object[] state) {}
