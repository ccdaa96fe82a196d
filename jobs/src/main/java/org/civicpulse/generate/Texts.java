package org.civicpulse.generate;

import java.util.SplittableRandom;

/**
 * Short Chinese free texts: request descriptions and feedback comments. A small share carries a phone or
 * ID number (ingest must mask them) or ASCII commas, quotes and a line break (CSV quoting must hold).
 */
final class Texts {
  static final double PII_SHARE = 0.01;
  static final double AWKWARD_SHARE = 0.004;

  private static final String[][] COMMENTS = {
      {"问题拖了很久才处理", "根本没有解决，很失望", "打了好几次电话都没人管", "处理态度敷衍"},
      {"处理太慢了", "问题只解决了一半", "希望下次能快一点", "等了好几天"},
      {"还可以", "问题基本解决了", "一般般", "处理得还行，就是有点慢"},
      {"处理比较及时", "工作人员态度不错", "问题解决了，谢谢", "满意"},
      {"非常满意，处理很及时", "工作人员很负责，点赞", "当天就解决了，谢谢社区", "服务很好，感谢"}};
  private static final String[] GENERAL = {
      "希望社区多组织一些活动", "小区环境比以前好多了", "建议增加停车位", "网格员很负责", "希望公示办理进度"};

  String description(SplittableRandom r, Category c) {
    String t = fill(r, c.descriptions()[r.nextInt(c.descriptions().length)]);
    double u = r.nextDouble();
    if (u < PII_SHARE / 2) {
      return t + "，联系电话" + Residents.randomPhone(r);
    }
    if (u < PII_SHARE) {
      return t + "，本人身份证号" + Residents.randomIdNumber(r);
    }
    if (u < PII_SHARE + AWKWARD_SHARE / 2) {
      return "住户反映\"" + t + "\",已经反映过多次";
    }
    if (u < PII_SHARE + AWKWARD_SHARE) {
      return t + "\n补充：情况比较急, 请尽快处理";
    }
    return t;
  }

  String comment(SplittableRandom r, int rating) {
    if (r.nextDouble() < 0.15) {
      return "";
    }
    String[] pool = COMMENTS[rating - 1];
    String t = pool[r.nextInt(pool.length)];
    if (r.nextDouble() < 0.005) {
      return t + "，有问题可以打我电话" + Residents.randomPhone(r);
    }
    return t;
  }

  String generalComment(SplittableRandom r) {
    return GENERAL[r.nextInt(GENERAL.length)];
  }

  private static String fill(SplittableRandom r, String template) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    return template.replace("{b}", String.valueOf(1 + r.nextInt(30)))
        .replace("{u}", String.valueOf(1 + r.nextInt(6)))
        .replace("{f}", String.valueOf(2 + r.nextInt(30)));
  }
}
