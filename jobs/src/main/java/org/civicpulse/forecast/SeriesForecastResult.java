package org.civicpulse.forecast;

import java.nio.file.Path;
import java.util.List;

/** What {@code forecast --series} produced: the three files, their rows, and warnings to print. */
public record SeriesForecastResult(Path accuracyCsv, Path coverageCsv, Path forecastsCsv, List<AccuracyRow> accuracy,
    List<CoverageRow> coverage, List<ForecastRow> forecasts, List<String> warnings) {}
