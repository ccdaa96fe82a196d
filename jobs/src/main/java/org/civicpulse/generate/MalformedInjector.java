package org.civicpulse.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Turns a valid row into one that ingest must quarantine for exactly one intended reason (docs/data.md's
 * validation list, with the reason codes of org.civicpulse.schema.Reasons). Kinds rotate, so every kind
 * appears once a file has enough rows. Malformed rows are kept on one physical line.
 */
final class MalformedInjector {
  /** The corrupted row: fields to print as CSV, or a raw line that breaks CSV itself. */
  record Corruption(String[] fields, String rawLine, String reason, String field) {}

  enum Dataset { REQUESTS, FEEDBACK, PARTICIPATION }

  private static final String[] REQUEST_KINDS = {"missing_required", "bad_timestamp", "bad_enum", "out_of_range",
      "unknown_community", "unknown_category", "too_many_fields", "too_few_fields", "broken_quoting",
      "closed_before_created", "ack_before_created", "ack_after_closed", "closed_without_closed_at",
      "open_with_closed_at", "bad_number"};
  private static final String[] FEEDBACK_KINDS = {"missing_required", "bad_timestamp", "bad_enum", "out_of_range",
      "unknown_community", "too_many_fields", "too_few_fields", "broken_quoting", "bad_number"};
  private static final String[] PARTICIPATION_KINDS = {"missing_required", "bad_timestamp", "bad_enum",
      "out_of_range", "unknown_community", "too_many_fields", "too_few_fields", "broken_quoting", "bad_number"};
  private static final String[] BAD_TIMES = {"2024-13-45 25:61:00", "2024/03/05 10:00", "05.03.2024 10:00:00",
      "yesterday"};

  private final Dataset dataset;
  private final String[] kinds;
  private final double share;
  private final String unknownCommunity;
  private int next;

  MalformedInjector(Dataset dataset, double share, int communities, SplittableRandom r) {
    this.dataset = dataset;
    this.kinds = switch (dataset) {
      case REQUESTS -> REQUEST_KINDS;
      case FEEDBACK -> FEEDBACK_KINDS;
      case PARTICIPATION -> PARTICIPATION_KINDS;
    };
    this.share = share;
    // C99 is the brief's unknown community, unless the run really has 99 of them.
    this.unknownCommunity = communities < 99 ? "C99" : "X99";
    this.next = r.nextInt(kinds.length);
  }

  /** Whether this row is to be corrupted. */
  boolean hit(SplittableRandom r) {
    return share > 0 && r.nextDouble() < share;
  }

  /** Corrupts a copy of a valid row. */
  Corruption corrupt(String[] valid, SplittableRandom r, LocalTimes t) {
    String kind = kinds[next];
    next = (next + 1) % kinds.length;
    String[] f = valid.clone();
    for (int i = 0; i < f.length; i++) {
      f[i] = f[i].replace('\n', ' ');
    }
    return switch (dataset) {
      case REQUESTS -> request(kind, f, r, t);
      case FEEDBACK -> generic(kind, f, r, 2, 1, 5, "channel", 4, "rating", "7", "五星", 6);
      case PARTICIPATION -> generic(kind, f, r, 2, 1, 3, "activity_type", 6, "duration_minutes", "-30", "半小时", 4);
    };
  }

  /** Feedback and participation share the shape: id, time, community, …, an enum, a number, a text field. */
  private Corruption generic(String kind, String[] f, SplittableRandom r, int communityCol, int timeCol, int enumCol,
      String enumName, int numberCol, String numberName, String outOfRange, String notANumber, int textCol) {
    String[] header = dataset == Dataset.FEEDBACK ? FeedbackModel.HEADER : ParticipationModel.HEADER;
    switch (kind) {
      case "missing_required" -> {
        f[communityCol] = "";
        return new Corruption(f, null, kind, header[communityCol]);
      }
      case "bad_timestamp" -> {
        f[timeCol] = BAD_TIMES[r.nextInt(BAD_TIMES.length)];
        return new Corruption(f, null, kind, header[timeCol]);
      }
      case "bad_enum" -> {
        f[enumCol] = dataset == Dataset.FEEDBACK ? "fax" : "picnic";
        return new Corruption(f, null, kind, enumName);
      }
      case "out_of_range" -> {
        f[numberCol] = outOfRange;
        return new Corruption(f, null, kind, numberName);
      }
      case "bad_number" -> {
        f[numberCol] = notANumber;
        return new Corruption(f, null, kind, numberName);
      }
      case "unknown_community" -> {
        f[communityCol] = unknownCommunity;
        return new Corruption(f, null, kind, header[communityCol]);
      }
      case "too_many_fields" -> {
        return new Corruption(append(f, "extra"), null, kind, null);
      }
      case "too_few_fields" -> {
        return new Corruption(Arrays.copyOf(f, f.length - 2), null, kind, null);
      }
      default -> {
        return broken(f, textCol, header[textCol]);
      }
    }
  }

  private Corruption request(String kind, String[] f, SplittableRandom r, LocalTimes t) {
    // Column positions follow RequestRecord.HEADER.
    final int created = 1, updated = 2, community = 3, category = 4, channel = 5, status = 6, ack = 7,
        closed = 8, lat = 15, lon = 16, description = 17;
    long c = parse(f[created]);
    switch (kind) {
      case "missing_required" -> {
        f[community] = "";
        return new Corruption(f, null, kind, "community_id");
      }
      case "bad_timestamp" -> {
        f[created] = BAD_TIMES[r.nextInt(BAD_TIMES.length)];
        // Keep the other times free of cross-field rules that need a created_at.
        return new Corruption(f, null, kind, "created_at");
      }
      case "bad_enum" -> {
        f[channel] = "fax";
        return new Corruption(f, null, kind, "channel");
      }
      case "out_of_range" -> {
        f[lat] = "123.4";
        return new Corruption(f, null, kind, "lat");
      }
      case "bad_number" -> {
        f[lon] = "东经114度";
        return new Corruption(f, null, kind, "lon");
      }
      case "unknown_community" -> {
        f[community] = unknownCommunity;
        return new Corruption(f, null, kind, "community_id");
      }
      case "unknown_category" -> {
        f[category] = "snow_removal";
        return new Corruption(f, null, kind, "category");
      }
      case "too_many_fields" -> {
        return new Corruption(append(f, "extra"), null, kind, null);
      }
      case "too_few_fields" -> {
        return new Corruption(Arrays.copyOf(f, f.length - 2), null, kind, null);
      }
      case "broken_quoting" -> {
        return broken(f, description, "description");
      }
      case "closed_before_created" -> {
        f[status] = "closed";
        f[ack] = "";
        f[closed] = t.format(c - 2 * LocalTimes.HOUR);
        f[updated] = f[created];
        return new Corruption(f, null, kind, "closed_at");
      }
      case "ack_before_created" -> {
        f[ack] = t.format(c - 1800);
        return new Corruption(f, null, kind, "acknowledged_at");
      }
      case "ack_after_closed" -> {
        f[status] = "closed";
        f[closed] = t.format(c + 5 * LocalTimes.HOUR);
        f[ack] = t.format(c + 6 * LocalTimes.HOUR);
        f[updated] = f[ack];
        return new Corruption(f, null, kind, "acknowledged_at");
      }
      case "closed_without_closed_at" -> {
        f[status] = "closed";
        f[closed] = "";
        return new Corruption(f, null, kind, "closed_at");
      }
      default -> { // open_with_closed_at
        f[status] = "assigned";
        f[ack] = t.format(c + 600);
        f[closed] = t.format(c + 3 * LocalTimes.HOUR);
        f[updated] = f[closed];
        return new Corruption(f, null, kind, "closed_at");
      }
    }
  }

  /** A field that opens and closes a quote and then goes on: {@code "abc"def}, all on one line. */
  private static Corruption broken(String[] f, int col, String field) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < f.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      if (i == col) {
        String text = f[i].replace("\"", "").replace(",", "，");
        line.append('"').append(text.isEmpty() ? "abc" : text).append("\"def");
      } else {
        line.append(escape(f[i]));
      }
    }
    return new Corruption(null, line.toString(), "broken_quoting", field);
  }

  private static String escape(String v) {
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  private static String[] append(String[] f, String extra) {
    String[] out = Arrays.copyOf(f, f.length + 1);
    out[f.length] = extra;
    return out;
  }

  private static long parse(String time) {
    java.time.LocalDateTime dt = java.time.LocalDateTime.parse(time.replace(' ', 'T'));
    return dt.toLocalDate().toEpochDay() * LocalTimes.DAY + dt.toLocalTime().toSecondOfDay();
  }
}
