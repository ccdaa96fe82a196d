package org.civicpulse.schema;

import java.io.Serializable;
import java.util.List;

/**
 * A rule over two fields of one record, declared in a schema file's "rules".
 * Kinds: not_before (field ≥ than, when both present), required_when and absent_when (field present / absent
 * when when_field has one of when_values).
 */
public record CrossFieldRule(
    String code, String kind, String field, String than, String whenField, List<String> whenValues, String textEn)
    implements Serializable {}
