package org.civicpulse.config;

/**
 * The equity lens's window in local days up to the range's last day, and the closed requests a community needs
 * in it before it gets a z-score, a flag or a rank (config equity.window_days, equity.min_closed).
 */
public record EquitySettings(int windowDays, long minClosed) {
  public static final EquitySettings DEFAULT = new EquitySettings(90, 50);
}
