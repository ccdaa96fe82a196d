package org.civicpulse.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * One request's life: created during office-heavy hours, acknowledged within hours, resolved after a
 * lognormal time per category (some past the SLA), sometimes reopened, rejected or a duplicate; feedback for
 * about a third of closed requests, with ratings that fall when the request was late.
 */
final class RequestLifecycle {
  /** A generated request row, and its feedback row or null. */
  record Request(Object[] row, Object[] feedback) {}

  private static final String[] CHANNELS = {"wechat", "wechat", "wechat", "app", "app", "app", "hotline", "hotline", "web",
      "walk_in", "grid_worker", "grid_worker"};
  private static final String[] DESCRIPTIONS = {"请尽快处理", "已经持续好几天了", "影响老人和孩子的正常生活", "希望社区协调解决",
      "楼栋里很多住户反映", "麻烦派人上门查看"};
  private static final String[] COMMENTS_GOOD = {"处理及时，非常满意", "工作人员态度很好", "问题已经解决，谢谢"};
  private static final String[] COMMENTS_BAD = {"拖了太久才处理", "问题没有彻底解决", "希望以后快一点"};

  private final LocalDateTime dataEnd;
  private final SplittableRandom rnd;
  private long seq;

  RequestLifecycle(LocalDateTime dataEnd, SplittableRandom rnd) {
    this.dataEnd = dataEnd;
    this.rnd = rnd;
  }

  Request next(Catalogue.Community c, Catalogue.Category k, LocalDate d) {
    String id = String.format("SR%09d", ++seq);
    LocalDateTime created = d.atTime(hour(), rnd.nextInt(60), rnd.nextInt(60));
    LocalDateTime ack = created.plusMinutes(5 + (long) (60 * Math.exp(0.3 + 0.9 * Poisson.gaussian(rnd))));
    double hours = k.medianResolutionHours() * Math.exp(0.8 * Poisson.gaussian(rnd));
    LocalDateTime closed = created.plusMinutes((long) (hours * 60) + 10);
    if (closed.isBefore(ack)) {
      closed = ack.plusMinutes(10);
    }
    String status = "closed";
    int reopened = 0;
    double u = rnd.nextDouble();
    if (u < 0.01) {
      status = "rejected";
      closed = null;
    } else if (u < 0.02) {
      status = "duplicate";
      closed = null;
    } else if (u < 0.05) {
      reopened = rnd.nextDouble() < 0.85 ? 1 : 2;
    }
    if (closed != null && !closed.isBefore(dataEnd)) {
      status = new String[] {"open", "assigned", "in_progress"}[rnd.nextInt(3)];
      closed = null;
    }
    if (ack.isAfter(dataEnd)) {
      ack = null;
      status = "open";
    }
    LocalDateTime updated = closed != null ? closed : (ack != null ? ack : created);
    String due = "";
    String priority = new String[] {"low", "normal", "normal", "normal", "high"}[rnd.nextInt(5)];
    if (rnd.nextDouble() < 0.05) {
      priority = "urgent";
      due = created.plusHours((long) Math.max(4, k.slaHours() / 2)).format(SampleGenerator.TS);
    }
    String provider = k.providerType().substring(0, 3).toUpperCase() + "-" + c.id() + "-" + (1 + rnd.nextInt(3));
    String resident = rnd.nextDouble() < 0.8 ? "R" + c.id().substring(1) + String.format("%05d", rnd.nextInt(Math.max(1, c.population() / 3))) : "";
    String phone = resident.isEmpty() || rnd.nextDouble() < 0.3 ? String.format("1%d%09d", 3 + rnd.nextInt(7), rnd.nextLong(1_000_000_000L)) : "";
    String description = k.nameZh() + "问题：" + DESCRIPTIONS[rnd.nextInt(DESCRIPTIONS.length)];
    double v = rnd.nextDouble();
    if (v < 0.005) {
      description += "，联系电话" + String.format("1%d%09d", 3 + rnd.nextInt(7), rnd.nextLong(1_000_000_000L));
    } else if (v < 0.01) {
      description += "，身份证号11010119" + String.format("%02d%02d%02d%03d%d", 60 + rnd.nextInt(40), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28), rnd.nextInt(1000), rnd.nextInt(10));
    } else if (v < 0.02) {
      description += "，\"急\"，谢谢";
    }
    Object[] row = {id, ts(created), ts(updated), c.id(), k.code(), CHANNELS[rnd.nextInt(CHANNELS.length)], status, ts(ack),
        ts(closed), due, provider, k.providerType(), priority, resident, phone,
        String.format("%.6f", 30.25 + rnd.nextDouble() * 0.08), String.format("%.6f", 120.15 + rnd.nextDouble() * 0.1),
        description, reopened};
    Object[] fb = null;
    if (closed != null && rnd.nextDouble() < 0.35) {
      LocalDateTime dueAt = due.isEmpty() ? created.plusMinutes((long) (k.slaHours() * 60)) : LocalDateTime.parse(due, SampleGenerator.TS);
      boolean late = closed.isAfter(dueAt);
      int rating = late ? 1 + rnd.nextInt(4) : 3 + rnd.nextInt(3);
      LocalDateTime submitted = closed.plusMinutes(30 + rnd.nextInt(3 * 24 * 60));
      if (submitted.isBefore(dataEnd)) {
        String comment = (rating >= 4 ? COMMENTS_GOOD : COMMENTS_BAD)[rnd.nextInt(3)];
        fb = new Object[] {"FB" + id.substring(2), ts(submitted), c.id(), rnd.nextDouble() < 0.05 ? "" : id, rating,
            CHANNELS[rnd.nextInt(CHANNELS.length)], comment, resident, resident.isEmpty() ? phone : ""};
      }
    }
    return new Request(row, fb);
  }

  /** The same request a little later with a changed status, or null when there is nothing to change. */
  Object[] laterVersion(Object[] row) {
    if (!"closed".equals(row[6])) {
      return null;
    }
    Object[] later = row.clone();
    LocalDateTime updated = LocalDateTime.parse((String) row[2], SampleGenerator.TS).plusHours(6);
    later[2] = ts(updated);
    later[18] = ((Integer) row[18]) + 1;
    later[8] = ts(updated.plusHours(20));
    later[2] = ts(updated.plusHours(20));
    return later;
  }

  private int hour() {
    double u = rnd.nextDouble();
    return u < 0.7 ? 8 + rnd.nextInt(10) : (u < 0.9 ? 18 + rnd.nextInt(5) : rnd.nextInt(8));
  }

  private static String ts(LocalDateTime t) {
    return t == null ? "" : t.format(SampleGenerator.TS);
  }
}
