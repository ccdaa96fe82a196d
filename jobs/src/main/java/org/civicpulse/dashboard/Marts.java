package org.civicpulse.dashboard;

import java.util.List;

/** Names of the dashboard's marts (Delta tables under marts/), each keyed by date. */
public final class Marts {
  public static final String KPIS_DAILY = "kpis_daily";
  public static final String VOLUME_BY_CHANNEL = "volume_by_channel";
  public static final String PARTICIPATION_DAILY = "participation_daily";
  public static final String PROVIDERS = "providers";
  public static final String SCORES = "scores";
  public static final String WORKLIST = "worklist";
  public static final String HOTSPOTS = "hotspots";
  public static final List<String> ALL = List.of(KPIS_DAILY, VOLUME_BY_CHANNEL, PARTICIPATION_DAILY, PROVIDERS, SCORES,
      WORKLIST, HOTSPOTS);

  private Marts() {}
}
