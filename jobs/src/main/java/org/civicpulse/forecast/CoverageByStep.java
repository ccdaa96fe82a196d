package org.civicpulse.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Coverage per horizon step (docs/forecast.md, "Intervals"): for each model and step, the share of actuals
 * inside the 80 % and 95 % intervals over every series × outer origin. A mean over all steps hides intervals
 * too wide at step 1 and too narrow at step 13.
 */
public final class CoverageByStep {
  private CoverageByStep() {}

  /** Rows per model in {@code modelOrder}, steps ascending; steps no origin reached are left out. */
  public static List<CoverageRow> rows(List<SeriesOutcome> outcomes, List<String> modelOrder, int horizon) {
    List<CoverageRow> rows = new ArrayList<>();
    for (String model : modelOrder) {
      int[] n = new int[horizon];
      int[] in80 = new int[horizon];
      int[] in95 = new int[horizon];
      for (SeriesOutcome o : outcomes) {
        for (OriginScore s : o.scores()) {
          if (!s.model().equals(model)) {
            continue;
          }
          IntervalForecast f = s.forecast();
          for (int i = 0; i < s.actuals().length; i++) {
            double a = s.actuals()[i];
            n[i]++;
            in80[i] += a >= f.lo80()[i] && a <= f.hi80()[i] ? 1 : 0;
            in95[i] += a >= f.lo95()[i] && a <= f.hi95()[i] ? 1 : 0;
          }
        }
      }
      for (int i = 0; i < horizon; i++) {
        if (n[i] > 0) {
          rows.add(new CoverageRow(model, i + 1, n[i], (double) in80[i] / n[i], (double) in95[i] / n[i]));
        }
      }
    }
    return rows;
  }
}
