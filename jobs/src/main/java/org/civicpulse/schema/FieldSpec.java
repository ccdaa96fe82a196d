package org.civicpulse.schema;

import java.io.Serializable;
import java.util.List;

/** One field of a canonical table, as declared in its schemas/*.json file. */
public record FieldSpec(
    String name,
    String type,
    boolean required,
    List<String> allowed,
    Double min,
    Double max,
    Integer round,
    boolean mask,
    List<String> derivedFrom,
    String references,
    String descriptionEn,
    String descriptionZh) implements Serializable {

  public boolean isTimestamp() {
    return "timestamp".equals(type);
  }

  public boolean isDerived() {
    return derivedFrom != null && !derivedFrom.isEmpty();
  }
}
