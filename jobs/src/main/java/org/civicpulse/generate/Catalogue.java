package org.civicpulse.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The synthetic area: communities in three streets, and the service categories with their behaviour. */
final class Catalogue {
  /** A community and the multipliers that make its demand its own. */
  record Community(String id, String name, String nameZh, String street, int population, int households,
      double areaKm2, double scale, double trendPerYear) {}

  /** A category: label, SLA, usual provider, demand weight, season, and typical resolution time. */
  record Category(String code, String nameEn, String nameZh, double slaHours, String providerType, double weight,
      Season season, double medianResolutionHours) {}

  /** Yearly shape of a category's demand. */
  enum Season { NONE, WINTER, SUMMER, RAINY }

  static final String[][] STREETS = {{"Qinghe Street", "清河街道"}, {"Wanghu Street", "望湖街道"}, {"Songlin Street", "松林街道"}};
  private static final String[][] NAMES = {
      {"Riverside", "河畔社区"}, {"Hillview", "山景社区"}, {"Peach Garden", "桃园社区"}, {"Willow Lane", "柳巷社区"},
      {"Sunrise", "朝阳社区"}, {"Harmony", "和谐社区"}, {"Lakeside", "湖滨社区"}, {"Pine Court", "松苑社区"},
      {"Bamboo Grove", "竹林社区"}, {"Golden Field", "金田社区"}, {"Orchid", "兰苑社区"}, {"East Gate", "东门社区"},
      {"West Bridge", "西桥社区"}, {"North Well", "北井社区"}, {"South Lake", "南湖社区"}, {"Maple", "枫林社区"}};

  static List<Community> communities(int n, SplittableRandom rnd) {
    List<Community> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String[] name = NAMES[i % NAMES.length];
      String suffix = i < NAMES.length ? "" : " " + (i / NAMES.length + 1);
      int pop = 4000 + rnd.nextInt(16001);
      String[] street = STREETS[i % STREETS.length];
      double trend = (rnd.nextDouble() - 0.4) * 0.16; // −6 % … +10 % a year
      out.add(new Community(String.format("C%02d", i + 1), name[0] + suffix, name[1] + suffix.trim(), street[1], pop,
          (int) Math.round(pop / 2.6), Math.round((0.3 + rnd.nextDouble() * 2.2) * 100) / 100.0,
          pop / 10000.0 * (0.8 + rnd.nextDouble() * 0.4), trend));
    }
    return out;
  }

  static List<Category> categories() {
    return List.of(
        new Category("heating", "Heating", "供暖", 48, "enterprise", 6, Season.WINTER, 20),
        new Category("water_supply", "Water supply", "供水", 24, "enterprise", 6, Season.SUMMER, 10),
        new Category("air_conditioning", "Air conditioning", "空调外机", 72, "enterprise", 3, Season.SUMMER, 40),
        new Category("mosquito_pest", "Mosquitoes and pests", "蚊虫消杀", 72, "enterprise", 3, Season.SUMMER, 36),
        new Category("sanitation", "Sanitation", "环境卫生", 24, "government", 14, Season.NONE, 12),
        new Category("noise", "Noise", "噪音扰民", 24, "government", 8, Season.NONE, 10),
        new Category("parking", "Parking", "停车管理", 48, "enterprise", 10, Season.NONE, 18),
        new Category("property_repair", "Property repair", "物业维修", 72, "enterprise", 16, Season.RAINY, 30),
        new Category("elevator", "Elevator", "电梯故障", 24, "enterprise", 5, Season.NONE, 8),
        new Category("greening", "Greening", "绿化养护", 120, "government", 4, Season.NONE, 60),
        new Category("public_security", "Public security", "治安隐患", 24, "government", 4, Season.NONE, 6),
        new Category("neighbour_dispute", "Neighbour dispute", "邻里纠纷", 72, "social_org", 5, Season.NONE, 30),
        new Category("elderly_care", "Elderly care", "养老服务", 72, "social_org", 4, Season.WINTER, 24),
        new Category("policy_consult", "Policy enquiry", "政策咨询", 24, "government", 7, Season.NONE, 4),
        new Category("street_light", "Street lights", "路灯照明", 72, "government", 0.45, Season.WINTER, 48),
        new Category("pipe_burst", "Burst pipes", "管道爆裂", 12, "enterprise", 0.3, Season.WINTER, 6));
  }

  private Catalogue() {}
}
