package org.civicpulse.config;

/** One documented configuration key with its default (null = no default). */
public record ConfigKey(String name, String defaultValue, boolean path, String description) {}
