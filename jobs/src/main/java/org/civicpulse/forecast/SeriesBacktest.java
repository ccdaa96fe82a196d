package org.civicpulse.forecast;

import java.util.ArrayList;
import java.util.List;
import org.civicpulse.forecast.models.IsoWeek;
import org.civicpulse.forecast.models.WeeklySeries;

/**
 * The model fits of one series: its runs at the inner and outer backtest origins and at the as-of week. Fitting
 * is the costly part and needs only the series itself; choosing and calibrating come after, from the whole
 * panel's runs ({@link PanelEvidence}).
 */
record SeriesBacktest(String id, WeeklySeries window, List<OriginRun> inner, List<OriginRun> outer, OriginRun last,
    int horizon, List<String> warnings) implements java.io.Serializable {

  /** Every run whose actual weeks all lie at or before {@code week}: the evidence a decision there may use. */
  List<OriginRun> evidenceAt(IsoWeek week) {
    List<OriginRun> out = new ArrayList<>();
    for (OriginRun r : runs()) {
      if (r.actuals.length == horizon && r.origin.plusWeeks(horizon).compareTo(week) <= 0) {
        out.add(r);
      }
    }
    return out;
  }

  /** Inner then outer runs. */
  List<OriginRun> runs() {
    List<OriginRun> all = new ArrayList<>(inner);
    all.addAll(outer);
    return all;
  }
}
