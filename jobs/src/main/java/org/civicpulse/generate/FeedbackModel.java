package org.civicpulse.generate;

import java.util.SplittableRandom;

/**
 * Ratings and comments after a closure: about a third of closed requests get one within a week, and late or
 * reopened resolutions are rated clearly lower. A few rows are general feedback tied to no request.
 */
final class FeedbackModel {
  static final String[] HEADER = {"feedback_id", "submitted_at", "community_id", "request_id", "rating", "channel",
      "comment", "resident_id", "phone"};
  static final double FEEDBACK_SHARE = 0.35;
  static final double GENERAL_SHARE = 0.05;
  // P(rating = 1..5). On time mean ≈ 4.2, late ≈ 3.0: the satisfaction mart must see the gap.
  private static final double[] ON_TIME = {0.03, 0.05, 0.12, 0.30, 0.50};
  private static final double[] LATE = {0.15, 0.20, 0.25, 0.25, 0.15};
  private static final double[] REOPENED = {0.30, 0.25, 0.25, 0.15, 0.05};
  private static final double[] GENERAL = {0.06, 0.08, 0.25, 0.36, 0.25};

  /** One feedback waiting in time order to be written; the id is assigned when it is written. */
  record Pending(long submitted, long seq, String communityId, String requestId, int rating, String channel,
      String comment, String residentId, String phone) {}

  private final Texts texts;
  private final Residents residents;
  private long seq;

  FeedbackModel(Texts texts, Residents residents) {
    this.texts = texts;
    this.residents = residents;
  }

  /** Feedback on a closed request, or null when the resident gives none (or only after the period ends). */
  Pending forRequest(SplittableRandom r, RequestRecord q, long asOf) {
    if (!q.isClosed() || r.nextDouble() >= FEEDBACK_SHARE) {
      return null;
    }
    // Most answer the follow-up message within a day; nobody after a week.
    long delay = Math.min(7 * LocalTimes.DAY - 1, Math.round(-Math.log(1 - r.nextDouble()) * 20 * LocalTimes.HOUR));
    long submitted = q.closed + Math.max(60, delay);
    if (submitted > asOf) {
      return null;
    }
    double[] dist = q.reopened > 0 ? REOPENED : q.late() ? LATE : ON_TIME;
    int rating = 1 + Draws.weighted(r, dist);
    String channel = switch (q.channel) {
      case "wechat", "app", "web", "hotline" -> r.nextDouble() < 0.7 ? q.channel : "wechat";
      default -> r.nextDouble() < 0.5 ? "wechat" : "app";
    };
    return new Pending(submitted, seq++, q.community.id(), q.requestId, rating, channel, texts.comment(r, rating),
        q.residentId, q.phone);
  }

  /** General feedback near a given time, about the community rather than one request. */
  Pending general(SplittableRandom r, Community c, long around, long asOf) {
    long submitted = around + r.nextInt(86_400);
    if (submitted > asOf) {
      return null;
    }
    long resident = residents.draw(r, c);
    int rating = 1 + Draws.weighted(r, GENERAL);
    String phone = r.nextDouble() < 0.3 ? residents.phone(resident) : "";
    return new Pending(submitted, seq++, c.id(), "", rating, r.nextDouble() < 0.5 ? "wechat" : "app",
        texts.generalComment(r), Residents.id(resident), phone);
  }

  static String[] toRow(String feedbackId, Pending p, LocalTimes t) {
    return new String[] {feedbackId, t.format(p.submitted()), p.communityId(), p.requestId(),
        Integer.toString(p.rating()), p.channel(), p.comment(), p.residentId(), p.phone()};
  }
}
