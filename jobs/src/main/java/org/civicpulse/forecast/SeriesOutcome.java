package org.civicpulse.forecast;

import java.util.List;
import org.civicpulse.forecast.models.IsoWeek;

/** Everything the backtest of one series produced: scores per model and origin, decisions, final forecasts. */
public record SeriesOutcome(String series, List<IsoWeek> origins, List<String> models, List<OriginScore> scores,
    List<OriginDecision> decisions, List<ForecastRow> forecasts, List<String> warnings) implements java.io.Serializable {}
