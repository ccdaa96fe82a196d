package org.civicpulse.ingest;

import java.util.List;

/**
 * One record as read from a landing file: its first physical line (header = 1), its raw text, its field
 * values (null where structurally broken) and any structural reasons (quoting, field count, bad JSON).
 */
public record RawRecord(long line, String raw, List<String> fields, List<String> structuralReasons) {}
