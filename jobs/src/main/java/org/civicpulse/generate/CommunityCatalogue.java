package org.civicpulse.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Invents the communities: neutral names, four per street, one district, realistic sizes and trends. */
final class CommunityCatalogue {
  // A fictitious district: the names must not point at a real place's data.
  static final String DISTRICT = "明川区";
  static final double CITY_LAT = 30.561200;
  static final double CITY_LON = 114.298600;

  private static final String[][] STREETS = {
      {"青枫街道", "Qingfeng"}, {"柳湾街道", "Liuwan"}, {"石桥街道", "Shiqiao"}, {"云溪街道", "Yunxi"},
      {"槐荫街道", "Huaiyin"}, {"松岗街道", "Songgang"}};
  private static final String[][] NAMES = {
      {"翠竹社区", "Cuizhu"}, {"桂园社区", "Guiyuan"}, {"枫林社区", "Fenglin"}, {"丹桂社区", "Dangui"},
      {"柳岸社区", "Liu'an"}, {"湾景社区", "Wanjing"}, {"临湖社区", "Linhu"}, {"春晓社区", "Chunxiao"},
      {"石泉社区", "Shiquan"}, {"桥北社区", "Qiaobei"}, {"新桥社区", "Xinqiao"}, {"南苑社区", "Nanyuan"},
      {"云栖社区", "Yunqi"}, {"溪畔社区", "Xipan"}, {"望月社区", "Wangyue"}, {"清泉社区", "Qingquan"},
      {"槐花社区", "Huaihua"}, {"杏坛社区", "Xingtan"}, {"松风社区", "Songfeng"}, {"锦华社区", "Jinhua"}};

  private final List<Community> communities;

  CommunityCatalogue(int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x436F6D6DL);
    List<Community> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String[] street = STREETS[(i / 4) % STREETS.length];
      String[] name = NAMES[i % NAMES.length];
      // Beyond the name list, a number keeps names unique without inventing more vocabulary.
      String suffix = i < NAMES.length ? "" : String.valueOf(i / NAMES.length + 1);
      long population = 4_000 + r.nextInt(16_001);
      long households = Math.round(population / 2.6 * (0.95 + 0.1 * r.nextDouble()));
      double area = round(0.3 + 2.2 * r.nextDouble(), 2);
      double lat = round(CITY_LAT + (r.nextDouble() - 0.5) * 0.06, 6);
      double lon = round(CITY_LON + (r.nextDouble() - 0.5) * 0.07, 6);
      // Alternate growing and shrinking communities so the trend is visible in both directions.
      double trend = (i % 3 == 2) ? -(0.03 + 0.04 * r.nextDouble()) : (0.02 + 0.06 * r.nextDouble());
      list.add(new Community(i, String.format("C%02d", i + 1), name[1] + suffix + " Community",
          name[0].replace("社区", suffix + "社区"), DISTRICT, street[0], population, households, area, lat, lon,
          trend));
    }
    this.communities = List.copyOf(list);
  }

  List<Community> all() {
    return communities;
  }

  int size() {
    return communities.size();
  }

  Community get(int i) {
    return communities.get(i);
  }

  static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }
}
