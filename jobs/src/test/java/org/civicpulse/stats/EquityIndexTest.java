package org.civicpulse.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The equity lens on a fixture worked by hand. Two categories: info (city mean of ln(h + 1) g = 1) and repair
 * (g = 3). Every cell's closures have a within-cell variance of ln(h + 1) of 1 (Σln² = n·(m² + 1)), and every
 * closure had a due time. A asks mostly for repairs but is served at the city's pace (its raw gap is all mix);
 * B is served e^0.5 = 1.65 × slower in both categories (a real gap); C has 10 closures (under the minimum of 50);
 * D1–D8 are ordinary (0.0625 below g, which keeps g at exactly 1 and 3).
 */
class EquityIndexTest {
  static final Offset<Double> E6 = within(1e-6);

  /** created, closed n, mean ln m, on time. */
  static EquityIndex.Cell cell(String community, String category, long created, long n, double m, long onTime) {
    return new EquityIndex.Cell(community, category, created, n, n * m, n * (m * m + 1), n, onTime, Math.exp(m) - 1);
  }

  static EquityIndex.Result fixture() {
    List<EquityIndex.Cell> cells = new ArrayList<>(List.of(
        cell("A", "info", 30, 20, 1.0, 18), cell("A", "repair", 90, 80, 3.0, 40),
        cell("B", "info", 60, 50, 1.5, 35), cell("B", "repair", 60, 50, 3.5, 15),
        cell("C", "info", 6, 5, 1.0, 5), cell("C", "repair", 6, 5, 3.0, 2)));
    List<EquityIndex.Community> communities = new ArrayList<>(List.of(
        new EquityIndex.Community("A", 10_000L, 10, 4), new EquityIndex.Community("B", 8_000L, 20, 10),
        new EquityIndex.Community("C", null, 2, 0)));
    for (int i = 1; i <= 8; i++) {
      cells.add(cell("D" + i, "info", 55, 50, 0.9375, 45));
      cells.add(cell("D" + i, "repair", 55, 50, 2.9375, 25));
      communities.add(new EquityIndex.Community("D" + i, 5_000L, 10, 1));
    }
    return EquityIndex.compute(cells, communities, Map.of("info", 1.5, "repair", 19.0), 50);
  }

  static EquityIndex.Row row(EquityIndex.Result r, String community) {
    return r.communities().stream().filter(x -> x.community().equals(community)).findFirst().orElseThrow();
  }

  @Test
  void aCommunityAskingForSlowCategoriesAtTheCitysPaceHasAnIndexOfOneAndAllItsGapIsMix() {
    EquityIndex.Row a = row(fixture(), "A");
    // r = ln(h + 1) − g_k is 0 on average in both its cells: wait_index = e^0 = 1. Σr² = 20·1 + 80·1 = 100,
    // var = 100 / 99, se = √(var / 100) = 0.100504: interval e^(±1.959964 · 0.100504) = 0.821204 … 1.217724.
    assertThat(a.waitIndex()).isEqualTo(1.0);
    assertThat(a.waitIndexLo()).isCloseTo(0.821204, E6);
    assertThat(a.waitIndexHi()).isCloseTo(1.217724, E6);
    // Its mean ln is (20·1 + 80·3) / 100 = 2.6; the city's (475 + 1605) / 1010 = 2.059406: the raw gap, 0.540594,
    // is all mix (raw − ln 1).
    assertThat(a.rawGap()).isCloseTo(0.540594, E6);
    assertThat(a.mixGap()).isCloseTo(0.540594, E6);
    // z = (0 + 0.0625) / (σ / √100) = 0.616170 against the typical community: not flagged.
    assertThat(a.z()).isCloseTo(0.616170, E6);
    assertThat(a.flagged()).isFalse();
    assertThat(a.flagReason()).isNull();
  }

  @Test
  void aCommunityServedSlowerForTheSameCategoriesIsFlagged() {
    EquityIndex.Row b = row(fixture(), "B");
    // r = +0.5 in both cells: wait_index = e^0.5 = 1.648721; Σr² = 50·(1 + 0.25)·2 = 125, var = (125 − 25) / 99,
    // se = 0.100504: interval e^(0.5 ± 0.196984) = 1.353936 … 2.007688.
    assertThat(b.waitIndex()).isCloseTo(Math.exp(0.5), E6);
    assertThat(b.waitIndexLo()).isCloseTo(1.353936, E6);
    assertThat(b.waitIndexHi()).isCloseTo(2.007688, E6);
    // Mean ln (75 + 175) / 100 = 2.5: raw gap 0.440594, mix gap 0.440594 − 0.5 = −0.059406 (it asks for the
    // city's mix, slightly lighter).
    assertThat(b.rawGap()).isCloseTo(0.440594, E6);
    assertThat(b.mixGap()).isCloseTo(-0.059406, E6);
    // The city's σ of r: Σr² = 100 + 125 + 10 + 8 · 100.390625 = 1038.125 over 1009 → σ = 1.014330. The funnel is
    // centred on the typical community: the median mean r of the ten eligible (eight D at −0.0625, A 0, B 0.5) is
    // −0.0625. z = (0.5 + 0.0625) / (σ / 10) = 5.545533. Over-dispersion: the ten z (D 0, A 0.616170, B 5.55),
    // winsorized one at each end (B → A's 0.616), give φ = 2 · 0.616170² / 10 = 0.0759 and m·φ ≤ m − 1: τ² = 0.
    assertThat(b.z()).isCloseTo(5.545533, E6);
    assertThat(b.flagged()).isTrue();
    assertThat(b.flagReason()).isEqualTo(EquityIndex.SLOWER);
    // On time: city shares info 418 / 475 = 0.88, repair 257 / 535 = 0.480374; expected 50 · 0.88 + 50 · 0.480374 =
    // 68.018692; observed 50 (exact Poisson 37.110964 … 65.918767): ratio 0.735092 (0.545599 … 0.969127).
    assertThat(b.onTimeObserved()).isEqualTo(50);
    assertThat(b.onTimeExpected()).isCloseTo(68.018692, E6);
    assertThat(b.onTimeRatio()).isCloseTo(0.735092, E6);
    assertThat(b.onTimeRatioLo()).isCloseTo(0.545599, E6);
    assertThat(b.onTimeRatioHi()).isCloseTo(0.969127, E6);
    // 120 requests of 8,000 residents: 15 per 1,000 (Poisson 99.491931 … 143.490585 → 12.436491 … 17.936323).
    assertThat(b.requestsPer1000()).isCloseTo(15.0, E6);
    assertThat(b.requestsPer1000Lo()).isCloseTo(12.436491, E6);
    assertThat(b.requestsPer1000Hi()).isCloseTo(17.936323, E6);
    assertThat(b.openPastDueShare()).isEqualTo(0.5);
  }

  @Test
  void aCommunityWithTooFewClosuresGetsItsIntervalsAndNoRank() {
    EquityIndex.Row c = row(fixture(), "C");
    assertThat(c.closed()).isEqualTo(10);
    // Σr² = 10, var = 10 / 9, se = 0.333333: e^(±0.653321) = 0.520315 … 1.921914.
    assertThat(c.waitIndex()).isEqualTo(1.0);
    assertThat(c.waitIndexLo()).isCloseTo(0.520315, E6);
    assertThat(c.waitIndexHi()).isCloseTo(1.921914, E6);
    assertThat(c.z()).isNull();
    assertThat(c.flagged()).isFalse();
    assertThat(c.flagReason()).isEqualTo(EquityIndex.TOO_FEW_CLOSED);
    // No population: no rate, not zero.
    assertThat(c.requestsPer1000()).isNull();
    assertThat(c.requestsPer1000Lo()).isNull();
  }

  @Test
  void theCitysRowIsOneWithTheSpreadAcrossCommunities() {
    EquityIndex.Row all = row(fixture(), EquityIndex.ALL);
    assertThat(all.waitIndex()).isEqualTo(1.0);
    // se = √(1038.125 / 1009 / 1010) = 0.031917: e^(±0.062558) = 0.939361 … 1.064554.
    assertThat(all.waitIndexLo()).isCloseTo(0.939361, E6);
    assertThat(all.waitIndexHi()).isCloseTo(1.064554, E6);
    assertThat(all.rawGap()).isEqualTo(0.0);
    // Observed 675 on time, expected 675 by construction: ratio 1.
    assertThat(all.onTimeRatio()).isCloseTo(1.0, E6);
    // p90 / p10 of the ten eligible wait indexes (eight 0.939413, A 1, B 1.648721): p10 = 0.939413, p90 = 1 + 0.1 ·
    // 0.648721 = 1.064872 → 1.133550.
    assertThat(all.waitIndexP90P10()).isCloseTo(1.133550, E6);
    // Theil over the communities with a population (C has none): μ = (120 + 120 + 8 · 110) / 58,000; A 12, B 15, D
    // 22 per 1,000 → Σ s·(x/μ)·ln(x/μ) = 0.024423.
    assertThat(all.theilRequestsPer1000()).isCloseTo(0.024423, E6);
    assertThat(all.requestsPer1000()).as("one community's population unknown: no city rate").isNull();
    // What the funnel plot draws its limits from: the centre e^−0.0625, σ and τ² (0 here).
    assertThat(all.funnelCenter()).isCloseTo(0.939413, E6);
    assertThat(all.funnelSd()).isCloseTo(1.014330, E6);
    assertThat(all.funnelTau2()).isEqualTo(0.0);
    assertThat(all.requests()).isEqualTo(1132);
    assertThat(all.closed()).isEqualTo(1010);
  }

  @Test
  void onlyFlaggedCommunitiesAreExplainedByCategory() {
    List<EquityIndex.CategoryRow> rows = fixture().categories();
    assertThat(rows).extracting(EquityIndex.CategoryRow::community).containsOnly("B");
    EquityIndex.CategoryRow repair = rows.stream().filter(r -> r.category().equals("repair")).findFirst().orElseThrow();
    assertThat(repair.closed()).isEqualTo(50);
    assertThat(repair.meanR()).isCloseTo(0.5, E6);
    assertThat(repair.medianHours()).isCloseTo(Math.exp(3.5) - 1, E6);
    assertThat(repair.cityMedianHours()).isEqualTo(19.0);
    // Demand: repair is 60 of B's 120 requests and 90 + 60 + 6 + 8 · 55 = 596 of the city's 1,132:
    // (60 / 120) / (596 / 1132) = 0.949664.
    assertThat(repair.locationQuotient()).isCloseTo(0.949664, E6);
  }

  @Test
  void exactPoissonIntervalsMatchTheTables() {
    assertThat(PoissonInterval.of(0)).containsExactly(new double[] {0, 3.688879}, within(1e-6));
    assertThat(PoissonInterval.of(10)).containsExactly(new double[] {4.795389, 18.390356}, within(1e-6));
  }
}
