package org.civicpulse.config;

/**
 * The dashboard's settings beyond dates and targets: the equity lens's, and the requests a community × category
 * cell needs over two weeks before the hot spots list names it (config hotspots.min_requests).
 */
public record DashboardSettings(EquitySettings equity, int hotspotMinRequests) {
  public static final DashboardSettings DEFAULT = new DashboardSettings(EquitySettings.DEFAULT, 10);
}
