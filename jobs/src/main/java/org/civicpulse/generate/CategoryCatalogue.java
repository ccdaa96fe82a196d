package org.civicpulse.generate;

import java.util.List;

/** The fixed catalogue of ~15 categories with Chinese labels, SLAs, seasonal profiles and description texts. */
final class CategoryCatalogue {
  private static final double[] FLAT = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

  private final List<Category> categories;

  CategoryCatalogue() {
    Object[][] rows = {
        // code, en, zh, sla, provider, share, monthly (Jan..Dec), sigma, breachZ, texts
        {"heating", "Heating", "供暖", 24, "enterprise", 0.08,
            new double[] {3.2, 2.8, 1.4, 0.25, 0.05, 0.03, 0.03, 0.03, 0.05, 0.4, 2.2, 3.3}, 0.75, 1.35,
            new String[] {"{b}号楼{u}单元暖气不热，室温只有十几度", "家里暖气片漏水，需要维修", "供暖管道有异响，晚上影响休息",
                "{b}号楼{f}层暖气一直不热，老人受不了", "暖气阀门坏了，关不上"}},
        {"water_supply", "Water supply", "供水", 24, "enterprise", 0.07,
            new double[] {1.0, 0.95, 0.8, 0.8, 0.9, 1.2, 1.45, 1.4, 1.05, 0.85, 0.8, 0.95}, 0.8, 1.3,
            new String[] {"{b}号楼水压太低，{f}层以上基本没水", "自来水发黄，有异味", "小区突然停水，没有提前通知",
                "{b}号楼{u}单元水管破裂，楼道积水", "水表井盖破损，存在安全隐患"}},
        {"air_conditioning", "Air conditioning", "空调", 72, "enterprise", 0.04,
            new double[] {0.15, 0.15, 0.25, 0.5, 1.1, 2.3, 3.0, 2.8, 1.3, 0.3, 0.15, 0.15}, 0.85, 1.25,
            new String[] {"楼上空调外机滴水，吵得睡不着", "空调外机噪音太大，影响休息", "社区活动室空调坏了，夏天没法用",
                "{b}号楼空调外机支架松动，担心掉落"}},
        {"mosquito_pest", "Mosquitoes and pests", "蚊虫消杀", 72, "enterprise", 0.03,
            new double[] {0.1, 0.1, 0.25, 0.6, 1.3, 2.2, 2.9, 2.7, 1.6, 0.7, 0.2, 0.1}, 0.8, 1.3,
            new String[] {"小区绿化带蚊子太多，请求消杀", "地下室发现老鼠，请安排灭鼠", "垃圾站附近苍蝇很多",
                "楼道里有蟑螂，希望统一消杀"}},
        {"sanitation", "Sanitation", "环境卫生", 48, "government", 0.11,
            new double[] {0.95, 1.05, 0.95, 0.95, 1.0, 1.05, 1.1, 1.1, 1.0, 0.95, 0.95, 0.95}, 0.8, 1.4,
            new String[] {"{b}号楼门口垃圾堆放多日无人清理", "垃圾分类桶满了没人收", "楼道堆放杂物，存在消防隐患",
                "小区路面有大量落叶和垃圾", "有人乱扔建筑垃圾"}},
        {"noise", "Noise", "噪音扰民", 48, "government", 0.09,
            new double[] {0.85, 0.8, 0.95, 1.0, 1.1, 1.15, 1.2, 1.15, 1.05, 1.0, 0.9, 0.85}, 0.9, 1.2,
            new String[] {"夜间施工噪音扰民", "广场舞音乐声音太大", "楼上装修周末一早就开始施工", "{b}号楼附近商铺喇叭声太吵"}},
        {"parking", "Parking", "停车管理", 72, "enterprise", 0.09, FLAT, 0.85, 1.35,
            new String[] {"消防通道被私家车占用", "小区车位不足，外来车辆乱停", "共享单车堆放在{b}号楼门口",
                "电动车在楼道充电，存在安全隐患"}},
        {"property_repair", "Property repair", "物业维修", 72, "enterprise", 0.16, FLAT, 0.9, 1.3,
            new String[] {"{b}号楼{u}单元楼道灯不亮", "单元门禁坏了，门关不上", "{b}号楼屋顶漏水，{f}层墙面发霉",
                "下水道堵塞，污水外溢", "楼道扶手松动，需要加固"}},
        {"elevator", "Elevator", "电梯故障", 24, "enterprise", 0.012, FLAT, 0.7, 1.5,
            new String[] {"{b}号楼电梯停运，老人上下楼困难", "电梯运行有异响，担心安全", "电梯按钮失灵，经常停错楼层"}},
        {"greening", "Greening", "绿化养护", 168, "government", 0.04,
            new double[] {0.4, 0.5, 1.3, 1.7, 1.6, 1.3, 1.1, 1.1, 1.0, 0.9, 0.6, 0.4}, 0.8, 1.45,
            new String[] {"小区树木太茂盛，挡住{f}层采光", "草坪长期无人修剪", "枯树有倒伏危险，请尽快处理",
                "绿化带被私自占用种菜"}},
        {"public_security", "Public security", "治安", 24, "government", 0.008, FLAT, 0.8, 1.6,
            new String[] {"小区监控坏了，晚上不安全", "发现可疑人员在楼道徘徊", "电动车被盗，希望加强巡逻"}},
        {"neighbour_dispute", "Neighbour dispute", "邻里纠纷", 120, "volunteer", 0.05, FLAT, 1.0, 1.1,
            new String[] {"楼上漏水到我家，协商不成", "邻居长期占用公共楼道", "邻居家狗经常半夜叫", "因停车位和邻居发生纠纷"}},
        {"elderly_care", "Elderly care", "养老服务", 72, "social_org", 0.05,
            new double[] {1.15, 1.1, 1.0, 0.95, 0.95, 0.95, 1.0, 1.0, 0.95, 0.95, 1.0, 1.1}, 0.85, 1.35,
            new String[] {"独居老人需要助餐服务", "咨询居家养老上门服务怎么申请", "老人行动不便，申请适老化改造",
                "社区食堂饭菜希望更清淡一些"}},
        {"policy_consult", "Policy consultation", "政策咨询", 48, "government", 0.08,
            new double[] {1.1, 0.95, 1.1, 1.0, 0.95, 0.95, 1.05, 1.0, 1.05, 0.9, 0.95, 1.0}, 0.9, 1.45,
            new String[] {"咨询医保缴费的办理流程", "询问居住证如何办理", "咨询新生儿落户需要哪些材料",
                "想了解老旧小区改造的补贴政策", "咨询灵活就业社保补贴"}},
        {"street_light", "Street light", "路灯", 72, "government", 0.01,
            new double[] {1.3, 1.2, 1.0, 0.9, 0.8, 0.8, 0.85, 0.85, 0.9, 1.0, 1.2, 1.3}, 0.8, 1.4,
            new String[] {"小区主干道路灯不亮", "{b}号楼旁路灯一直闪烁", "路灯杆倾斜，存在安全隐患"}},
    };
    Category[] list = new Category[rows.length];
    for (int i = 0; i < rows.length; i++) {
      Object[] r = rows[i];
      list[i] = new Category(i, (String) r[0], (String) r[1], (String) r[2], (Integer) r[3], (String) r[4],
          (Double) r[5], normalise((double[]) r[6]), (Double) r[7], (Double) r[8], (String[]) r[9]);
    }
    this.categories = List.of(list);
  }

  // Profiles are written by eye; scaling them to mean 1 keeps "share" meaning the share over a year.
  private static double[] normalise(double[] monthly) {
    double sum = 0;
    for (double v : monthly) {
      sum += v;
    }
    double[] out = new double[12];
    for (int i = 0; i < 12; i++) {
      out[i] = monthly[i] * 12 / sum;
    }
    return out;
  }

  List<Category> all() {
    return categories;
  }

  int size() {
    return categories.size();
  }

  Category get(int i) {
    return categories.get(i);
  }

  Category byCode(String code) {
    for (Category c : categories) {
      if (c.code().equals(code)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown category " + code);
  }
}
