package org.civicpulse.schema;

import java.io.Serializable;
import java.util.List;

/**
 * A rule over two fields of one record, declared in a schema file's "rules".
 * Kinds: not_before (field ≥ than, when both present), required_when and absent_when (field present / absent
 * when when_field has one of when_values), not_in_future (field no later than the run's start plus a day of
 * clock and time-zone slack), max_span_days (field − than ≤ limit days, when both present).
 */
public record CrossFieldRule(String code, String kind, String field, String than, String whenField,
    List<String> whenValues, Double limit, String textEn) implements Serializable {}
