package org.civicpulse.forecast;

/** A model's interval coverage at one horizon step, over every series × origin with an actual there. */
public record CoverageRow(String model, int horizon, int n, double coverage80, double coverage95) {}
