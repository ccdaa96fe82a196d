package org.civicpulse.report;

import tech.tablesaw.api.Table;

/** The forecast marts of one as_of_week (docs/forecast.md) that the forecast section shows; any table may be empty. */
public record ForecastData(String asOfWeek, Table weeklyDemand, Table forecasts, Table accuracy,
    Table servicePoints, Table capacity, Table risers) {}
