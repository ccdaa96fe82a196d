package org.civicpulse.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses the planted bursts: realistic incidents (a burst pipe, a broken lift, night works, an illegal dump)
 * on ordinary working days late enough for the anomaly detector's 8-week baseline, each at least 5× its cell.
 */
final class AnomalyPlan {
  private static final String[][] KINDS = {
      {"water_supply", "2", "water main burst"},
      {"elevator", "2", "lift out of service"},
      {"noise", "3", "night-time construction"},
      {"sanitation", "2", "illegal dumping"},
      {"heating", "2", "heating substation failure"},
      {"street_light", "2", "power cable fault"}};

  private final List<PlantedAnomaly> anomalies;

  AnomalyPlan(GeneratorSpec spec, CommunityCatalogue communities, CategoryCatalogue categories,
      DemandModel demand) {
    SplittableRandom r = new SplittableRandom(spec.seed() ^ 0x416E6F6DL);
    long days = spec.end().toEpochDay() - spec.start().toEpochDay() + 1;
    List<PlantedAnomaly> list = new ArrayList<>();
    // Need the detector's 8 weeks of history before and a few days after; shorter periods get none.
    if (days >= 70) {
      int count = Math.min(KINDS.length, Math.max(3, communities.size() / 2));
      for (int i = 0; i < count; i++) {
        String[] kind = KINDS[i];
        Category k = categories.byCode(kind[0]);
        Community c = communities.get((int) Math.floorMod(i * 5L + r.nextInt(communities.size()),
            (long) communities.size()));
        int length = Integer.parseInt(kind[1]);
        LocalDate d = pickDay(r, spec, days, length, k, demand);
        double normal = 0;
        for (int j = 0; j < length; j++) {
          normal = Math.max(normal, demand.expected(c, k, d.plusDays(j)));
        }
        int extra = (int) Math.max(10, Math.ceil(6 * normal));
        list.add(new PlantedAnomaly(c.id(), k.code(), d, length, extra, kind[2]));
      }
    }
    list.sort((a, b) -> a.start().compareTo(b.start()));
    this.anomalies = List.copyOf(list);
  }

  private static LocalDate pickDay(SplittableRandom r, GeneratorSpec spec, long days, int length, Category k,
      DemandModel demand) {
    long first = 63;
    long last = Math.max(first, days - length - 7);
    for (int attempt = 0; attempt < 500; attempt++) {
      LocalDate d = spec.start().plusDays(first + r.nextLong(last - first + 1));
      // Heating fails in the heating season; elsewhere any ordinary working stretch will do.
      if (k.code().equals("heating") && k.season(d.getDayOfYear()) < 1.5) {
        continue;
      }
      boolean ok = true;
      for (int j = 0; j < length && ok; j++) {
        ok = demand.calendar().isWorkingDay(d.plusDays(j)) && !demand.calendar().isMakeUpWorkday(d.plusDays(j));
      }
      if (ok) {
        return d;
      }
    }
    return spec.start().plusDays(first);
  }

  List<PlantedAnomaly> all() {
    return anomalies;
  }

  /** Extra requests planted in a cell on a day (0 almost everywhere). */
  int extra(String communityId, String category, LocalDate d) {
    int n = 0;
    for (PlantedAnomaly a : anomalies) {
      if (a.covers(d) && a.communityId().equals(communityId) && a.category().equals(category)) {
        n += a.extraPerDay();
      }
    }
    return n;
  }
}
