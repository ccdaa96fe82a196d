package org.civicpulse.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicpulse.forecast.models.IsoWeek;
import org.civicpulse.forecast.models.PointForecast;
import org.junit.jupiter.api.Test;

/** Split-conformal half-widths per horizon step, worked by hand. */
class IntervalCalibratorTest {
  static final IsoWeek W1 = IsoWeek.parse("2024-W01");
  static final Method ETS = Method.single("ets");

  /** A run whose ets forecast misses the actuals by {@code errors} (scaled by {@code scale}). */
  static OriginRun missing(double scale, double... errors) {
    double[] forecast = new double[errors.length];
    double[] actuals = new double[errors.length];
    for (int i = 0; i < errors.length; i++) {
      forecast[i] = 100;
      actuals[i] = 100 + errors[i] * scale;
    }
    Map<String, PointForecast> f = new LinkedHashMap<>();
    f.put("ets", new PointForecast(forecast));
    return OriginRun.of(W1, 0, f, actuals, scale, scale, false);
  }

  @Test
  void theHalfWidthIsTheConformalRankOfThePooledScaledErrors() {
    // Nine runs, horizon 1, |errors| 1 … 9 in units of each run's own scale (scales differ: 1, 10, 100).
    List<OriginRun> runs = new ArrayList<>();
    for (int e = 1; e <= 9; e++) {
      runs.add(missing(Math.pow(10, e % 3), e % 2 == 0 ? e : -e));
    }
    IntervalCalibrator.Calibration c = IntervalCalibrator.calibrate(runs, ETS, 1);
    // 80 %: rank ⌈10 × 0.8⌉ = 8 → 8; 95 %: rank ⌈10 × 0.95⌉ = 10 > 9 → the largest, 9.
    assertThat(c.half80()).containsExactly(8.0);
    assertThat(c.half95()).containsExactly(9.0);
    // Applied to a series of scale 6: 50 ± 48 (80 %) and 50 ± 54 (95 %), its lower bound clipped at 0.
    IntervalForecast f = c.apply(new double[] {50}, 6);
    assertThat(f.lo80()).containsExactly(2.0);
    assertThat(f.hi80()).containsExactly(98.0);
    assertThat(f.lo95()).containsExactly(0.0);
    assertThat(f.hi95()).containsExactly(104.0);
  }

  @Test
  void eachStepPoolsItsNeighboursAndWidthsNeverShrinkWithTheStep() {
    // Horizon 6; four runs. |errors|: steps 1–3 small (1, 2, 3, 4 per run), steps 4–6 large (10, 20, 30, 40).
    List<OriginRun> runs = new ArrayList<>();
    for (int k = 1; k <= 4; k++) {
      runs.add(missing(1, k, k, k, 10 * k, 10 * k, 10 * k));
    }
    IntervalCalibrator.Calibration c = IntervalCalibrator.calibrate(runs, ETS, 6);
    // Step 1 pools steps 1–3: 12 scores 1,1,1,2,2,2,3,3,3,4,4,4; 80 % rank ⌈13 × 0.8⌉ = 11 → 4.
    // Step 2 pools 1–4: 16 scores (the 12, then 10, 20, 30, 40); rank ⌈17 × 0.8⌉ = 14 → 20.
    // Step 3 pools 1–5: 20 scores (the 12, then 10, 10, 20, 20, 30, 30, 40, 40); rank 17 → 30.
    // Step 4 pools 2–6: 20 scores (1,1,2,2,3,3,4,4, then 10, 20, 30, 40 three times each); rank 17 → 30.
    // Step 5 pools 3–6: 16 scores (1, 2, 3, 4, then the 12 large); rank 14 → 40. Step 6 pools 4–6: rank 11 of 12 → 40.
    assertThat(c.half80()).containsExactly(4, 20, 30, 30, 40, 40);
    for (int i = 1; i < 6; i++) {
      assertThat(c.half95()[i]).isGreaterThanOrEqualTo(c.half95()[i - 1]);
    }
  }

  @Test
  void aWidthBelowAnEarlierStepsIsPooledWithIt() {
    // Pool-adjacent-violators: 3 then 1 merge to 2, which the next 2 does not violate.
    assertThat(IntervalCalibrator.nonDecreasing(new double[] {3, 1, 2, 5})).containsExactly(2, 2, 2, 5);
  }

  @Test
  void withoutEvidenceTheWidthsGrowLikeTheSquareRootOfTheStep() {
    IntervalCalibrator.Calibration c = IntervalCalibrator.calibrate(List.of(missing(1, 5, 5)), ETS, 2);
    assertThat(c.half80()[1]).isCloseTo(1.2816 * Math.sqrt(2), within(1e-9));
    assertThat(c.half95()[0]).isCloseTo(1.96, within(1e-9));
  }

  @Test
  void aLargePanelIsReadEvenlySpacedUpToTheCap() {
    // 8,000 runs with |errors| 1 … 8,000: every second one is read (1, 3, 5, … 7,999), so the 80 % half-width is
    // the ⌈4,001 × 0.8⌉ = 3,201st of those, 6,401 — where all 8,000 would give 6,401 too (rank 6,401).
    List<OriginRun> runs = new ArrayList<>();
    for (int e = 1; e <= 2 * IntervalCalibrator.MAX_RUNS; e++) {
      runs.add(missing(1, e));
    }
    assertThat(IntervalCalibrator.calibrate(runs, ETS, 1).half80()).containsExactly(6401.0);
  }
}
