package org.civicpulse.forecast;

import org.civicpulse.forecast.models.IsoWeek;

/** What {@code combo} and {@code chosen} used at an origin (a model name, or two joined by '+'). */
public record OriginDecision(IsoWeek origin, String combo, String chosen) implements java.io.Serializable {}
