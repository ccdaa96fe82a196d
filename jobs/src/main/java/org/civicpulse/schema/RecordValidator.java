package org.civicpulse.schema;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicpulse.privacy.TextMasker;

/**
 * Turns a record's text values into typed curated values, collecting every reason it fails (docs/data.md):
 * required fields, formats, enums, ranges, references, the schema's cross-field rules. Pseudonymises and
 * masks on the way, so a valid record leaves here with no personal identifier.
 */
public final class RecordValidator implements Serializable {
  private final TableSchema schema;
  private final ValidationContext ctx;

  public RecordValidator(TableSchema schema, ValidationContext ctx) {
    this.schema = schema;
    this.ctx = ctx;
  }

  /** @param byName field name → text value as read (absent or empty = null) */
  public ValidatedRecord validate(Map<String, String> byName) {
    List<String> reasons = new ArrayList<>();
    List<FieldSpec> fields = schema.fields();
    Object[] values = new Object[fields.size()];
    Map<String, Object> typed = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      FieldSpec f = fields.get(i);
      Object v = f.isDerived() ? derive(f, byName) : convert(f, blankToNull(byName.get(f.name())), reasons);
      values[i] = v;
      typed.put(f.name(), v);
    }
    for (CrossFieldRule rule : schema.rules()) {
      checkRule(rule, typed, reasons);
    }
    return new ValidatedRecord(values, reasons);
  }

  private Object derive(FieldSpec f, Map<String, String> byName) {
    List<String> from = f.derivedFrom();
    return ctx.pseudonymizer().residentKey(byName.get(from.get(0)), from.size() > 1 ? byName.get(from.get(1)) : null);
  }

  private Object convert(FieldSpec f, String text, List<String> reasons) {
    if (text == null) {
      if (f.required()) {
        reasons.add(Reasons.of(Reasons.MISSING_REQUIRED, f.name() + " is empty"));
      }
      return null;
    }
    Object v = switch (f.type()) {
      case "timestamp" -> timestamp(f, text, reasons);
      case "integer", "long", "double" -> number(f, text, reasons);
      default -> f.mask() ? TextMasker.mask(text) : text;
    };
    if (v == null) {
      return null;
    }
    if (!f.allowed().isEmpty() && !f.allowed().contains(text)) {
      reasons.add(Reasons.of(Reasons.BAD_ENUM, f.name() + "=" + abbreviate(text) + " is not one of " + f.allowed()));
      return null;
    }
    if (f.references() != null && !known(f.references(), text)) {
      String code = f.references().startsWith("communities") ? Reasons.UNKNOWN_COMMUNITY : Reasons.UNKNOWN_CATEGORY;
      reasons.add(Reasons.of(code, f.name() + "=" + abbreviate(text) + " is not in the reference table"));
    }
    return v;
  }

  private boolean known(String references, String value) {
    return references.startsWith("communities") ? ctx.communities().contains(value) : ctx.categories().contains(value);
  }

  private Object timestamp(FieldSpec f, String text, List<String> reasons) {
    Instant t = Timestamps.parse(text, ctx.zone());
    if (t == null) {
      reasons.add(Reasons.of(Reasons.BAD_TIMESTAMP, f.name() + "=" + abbreviate(text) + " is not a timestamp"));
      return null;
    }
    return Timestamp.from(t);
  }

  private Object number(FieldSpec f, String text, List<String> reasons) {
    double d;
    try {
      d = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      reasons.add(Reasons.of(Reasons.BAD_NUMBER, f.name() + "=" + abbreviate(text) + " is not a number"));
      return null;
    }
    boolean integral = !f.type().equals("double");
    if (Double.isNaN(d) || Double.isInfinite(d) || (integral && d != Math.rint(d))) {
      reasons.add(Reasons.of(Reasons.BAD_NUMBER, f.name() + "=" + abbreviate(text) + " is not a " + (integral ? "whole number" : "number")));
      return null;
    }
    if ((f.min() != null && d < f.min()) || (f.max() != null && d > f.max())) {
      reasons.add(Reasons.of(Reasons.OUT_OF_RANGE, f.name() + "=" + abbreviate(text) + " is outside "
          + range(f)));
      return null;
    }
    return switch (f.type()) {
      case "integer" -> (int) d;
      case "long" -> (long) d;
      default -> f.round() == null ? d : round(d, f.round());
    };
  }

  private static double round(double d, int places) {
    double scale = Math.pow(10, places);
    return Math.round(d * scale) / scale;
  }

  private static String range(FieldSpec f) {
    return (f.min() == null ? "-∞" : fmt(f.min())) + ".." + (f.max() == null ? "∞" : fmt(f.max()));
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private void checkRule(CrossFieldRule rule, Map<String, Object> typed, List<String> reasons) {
    Object field = typed.get(rule.field());
    // A value already rejected (e.g. a bad status) is null here; List.of(...).contains(null) would throw.
    Object when = rule.whenField() == null ? null : typed.get(rule.whenField());
    boolean broken = switch (rule.kind()) {
      case "not_before" -> {
        Object than = typed.get(rule.than());
        yield field instanceof Timestamp a && than instanceof Timestamp b && a.before(b);
      }
      case "not_in_future" -> field instanceof Timestamp a && a.getTime() > ctx.latestEpochMilli();
      case "max_span_days" -> {
        Object than = typed.get(rule.than());
        yield field instanceof Timestamp a && than instanceof Timestamp b
            && a.getTime() - b.getTime() > rule.limit() * 86_400_000L;
      }
      case "required_when" -> field == null && when != null && rule.whenValues().contains(when);
      case "absent_when" -> field != null && when != null && rule.whenValues().contains(when);
      default -> throw new IllegalStateException("unknown rule kind " + rule.kind());
    };
    if (broken) {
      reasons.add(Reasons.of(rule.code(), rule.textEn()));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** Reasons end up in logs and summaries: keep a long bad value from flooding them. */
  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
