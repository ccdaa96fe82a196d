package org.civicpulse.schema;

import java.util.List;

/**
 * Names of every mart (Delta tables under marts/), in one place: the dashboard's daily marts (keyed by date),
 * the forecast's (keyed by as_of_week) and the stream's live ones (docs/metrics.md, docs/forecast.md,
 * docs/streaming.md).
 */
public final class Marts {
  public static final String KPIS_DAILY = "kpis_daily";
  public static final String VOLUME_BY_CHANNEL = "volume_by_channel";
  public static final String PARTICIPATION_DAILY = "participation_daily";
  public static final String PROVIDERS = "providers";
  public static final String SCORES = "scores";
  public static final String WORKLIST = "worklist";
  public static final String HOTSPOTS = "hotspots";
  public static final String EQUITY = "equity";
  public static final String EQUITY_CATEGORIES = "equity_categories";
  /** The dashboard's marts, each keyed by date. */
  public static final List<String> DAILY = List.of(KPIS_DAILY, VOLUME_BY_CHANNEL, PARTICIPATION_DAILY, PROVIDERS,
      SCORES, WORKLIST, HOTSPOTS, EQUITY, EQUITY_CATEGORIES);

  public static final String WEEKLY_DEMAND = "weekly_demand";
  public static final String FORECASTS = "forecasts";
  public static final String FORECAST_ACCURACY = "forecast_accuracy";
  public static final String SERVICE_POINTS = "service_points";
  public static final String CAPACITY = "capacity";
  public static final String RISERS = "risers";
  /** The forecast's marts, each keyed by as_of_week. */
  public static final List<String> FORECAST = List.of(WEEKLY_DEMAND, FORECASTS, FORECAST_ACCURACY, SERVICE_POINTS,
      CAPACITY, RISERS);

  /** The stream's live marts and its alerts table. */
  public static final String LIVE_VOLUME = "live_volume";
  public static final String LIVE_BACKLOG = "live_backlog";
  public static final String ALERTS = "alerts";

  private Marts() {}
}
