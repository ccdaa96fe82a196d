package org.civicpulse.report;

import java.time.LocalDate;
import tech.tablesaw.api.Table;

/** Everything one dated report shows; tables are Tablesaw Tables with the columns below. Any table may be empty. */
public record ReportData(LocalDate date, String title, String lang /* "zh" or "en" */,
    Table kpisDaily, Table volumeByChannel, Table participation, Table providers, Table scores,
    Table worklist, Table hotspots, Table communities, Table categories) {}
