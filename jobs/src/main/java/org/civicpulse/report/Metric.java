package org.civicpulse.report;

/** The KPI tiles: source column, how to print it, and which direction is good. */
enum Metric {
  VOLUME("volume", Kind.COUNT, Direction.NEUTRAL),
  BACKLOG("backlog", Kind.COUNT, Direction.LOWER),
  OVERDUE("overdue", Kind.COUNT, Direction.LOWER),
  FIRST_RESPONSE_P50("first_response_p50_h", Kind.HOURS, Direction.LOWER),
  RESOLUTION_P90("resolution_p90_h", Kind.HOURS, Direction.LOWER),
  SLA_COMPLIANCE("sla_compliance", Kind.FRACTION, Direction.HIGHER),
  CSAT("csat", Kind.FRACTION, Direction.HIGHER),
  FEEDBACK_RATE("feedback_rate", Kind.FRACTION, Direction.HIGHER),
  REOPEN_RATE("reopen_rate", Kind.FRACTION, Direction.LOWER),
  /** Not a kpisDaily column: taken from the participation table (ALL / ALL / ALL). */
  PARTICIPATION_PER_1000("participation_per_1000", Kind.RATE, Direction.HIGHER);

  enum Kind { COUNT, HOURS, FRACTION, RATE }

  /** Volume is neutral: more requests is neither good nor bad service. */
  enum Direction { HIGHER, LOWER, NEUTRAL }

  final String column;
  final Kind kind;
  final Direction direction;

  Metric(String column, Kind kind, Direction direction) {
    this.column = column;
    this.kind = kind;
    this.direction = direction;
  }
}
