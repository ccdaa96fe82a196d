package org.civicpulse.lake;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One _runs record: command, arguments, start, end, status, per-dataset counts and where the time went. */
public record RunRecord(
    String runId, String command, List<String> arguments, Instant start, Instant end, String status, int exitCode,
    List<Map<String, Object>> datasets, String message, List<Map<String, Object>> timing) {}
