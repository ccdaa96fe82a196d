package org.civicpulse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.civicpulse.stats.HolidayCalendar;

/**
 * Lives one request through acknowledge → assign → in progress → close (maybe reopen and close again), with
 * lognormal resolution times per category and provider, and exports the state it had at the end of the period.
 */
final class RequestLifecycle {
  static final String[] CHANNELS = {"wechat", "app", "hotline", "grid_worker", "web", "walk_in", "sensor", "other"};
  private static final double[] CHANNEL_WEIGHTS = {0.31, 0.25, 0.18, 0.09, 0.08, 0.07, 0.01, 0.01};
  private static final double[] HOUR_WEIGHTS = {0.3, 0.15, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 3.5, 5.0, 5.2, 4.5, 3.0,
      3.2, 4.5, 4.8, 4.5, 3.5, 2.5, 2.8, 3.0, 2.6, 1.6, 0.8};
  static final String[] PROVIDER_TYPES = {"government", "social_org", "enterprise", "volunteer"};
  private static final String[] PROVIDER_PREFIX = {"GOV", "ORG", "ENT", "VOL"};
  private static final int[] PROVIDER_COUNT = {6, 5, 8, 3};
  // Some providers are reliably slower: the transparency page should have something to show.
  private static final double[][] PROVIDER_SPEED = {
      {0.9, 1.0, 1.1, 0.85, 1.3, 1.0}, {1.0, 0.9, 1.2, 1.0, 0.95}, {0.8, 1.0, 1.1, 0.9, 1.0, 1.5, 0.85, 1.05},
      {1.1, 1.3, 0.9}};

  private final HolidayCalendar calendar;
  private final long asOf;
  private final EquityPlant plant;

  RequestLifecycle(HolidayCalendar calendar, LocalDate end, EquityPlant plant) {
    this.calendar = calendar;
    this.asOf = LocalTimes.startOf(end.plusDays(1)) - 1;
    this.plant = plant;
  }

  long asOf() {
    return asOf;
  }

  /** A creation time on the day, following the daily rhythm of when residents report things. */
  long createdAt(SplittableRandom r, LocalDate day) {
    int hour = Draws.weighted(r, HOUR_WEIGHTS);
    return LocalTimes.startOf(day) + hour * LocalTimes.HOUR + r.nextInt(3600);
  }

  String channel(SplittableRandom r, Category k, long created) {
    String ch = CHANNELS[Draws.weighted(r, CHANNEL_WEIGHTS)];
    int hour = (int) Math.floorMod(created, LocalTimes.DAY) / 3600;
    // Nobody walks in or meets a grid worker at night; sensors exist only for lights and lifts.
    if ((ch.equals("walk_in") || ch.equals("grid_worker")) && (hour < 8 || hour >= 19)) {
      ch = "wechat";
    }
    if (ch.equals("sensor") && !k.code().equals("street_light") && !k.code().equals("elevator")) {
      ch = "app";
    }
    return ch;
  }

  /** Fills timestamps, status, provider and reopen count; the request's identity and text come from the caller. */
  void live(SplittableRandom r, RequestRecord q) {
    double u = r.nextDouble();
    q.priority = u < 0.05 ? "urgent" : u < 0.20 ? "high" : u < 0.32 ? "low" : "normal";
    boolean urgent = q.priority.equals("urgent");
    double dueHours = urgent ? Math.max(4, q.category.slaHours() / 3.0) : q.category.slaHours();
    q.dueEffective = q.created + Math.round(dueHours * LocalTimes.HOUR);
    q.dueGiven = urgent ? q.dueEffective : RequestRecord.NONE;

    long ack = q.created + firstResponseSeconds(r, q.created);
    double v = r.nextDouble();
    if (v < 0.02) {
      // Rejected (out of scope) or a duplicate of another report: settled at triage, never closed.
      q.acknowledged = ack <= asOf ? ack : RequestRecord.NONE;
      long settled = ack + Math.round(Draws.lognormal(r, 2, 0.8) * LocalTimes.HOUR);
      q.status = settled <= asOf ? (v < 0.01 ? "rejected" : "duplicate") : "open";
      q.updated = settled <= asOf ? settled : (ack <= asOf ? ack : q.created);
      return;
    }

    int type = providerType(r, q.category);
    int provider = r.nextInt(PROVIDER_COUNT[type]);
    double median = q.category.resolutionMedianHours() * PROVIDER_SPEED[type][provider]
        * (urgent ? 0.3 : q.priority.equals("high") ? 0.75 : q.priority.equals("low") ? 1.3 : 1.0)
        * plant.serviceFactor(q.community);
    LocalDate day = LocalTimes.dateOf(q.created);
    if (!calendar.isWorkingDay(day)) {
      median *= 1.25; // fewer crews on duty on weekends and holidays
    }
    long assign = ack + Math.round(Draws.lognormal(r, 0.5, 0.8) * LocalTimes.HOUR);
    long close = q.created + Math.round(Draws.lognormal(r, median, q.category.resolutionSigma()) * LocalTimes.HOUR);
    close = Math.max(close, assign + 600);
    long progress = assign + (close - assign) / 3;

    // Up to two reopen cycles: the resident says it is not fixed, the provider comes back.
    int reopens = 0;
    double w = r.nextDouble();
    if (w < 0.003) {
      reopens = 2;
    } else if (w < 0.033) {
      reopens = 1;
    }
    long[] closes = new long[reopens + 1];
    long[] reopenAt = new long[reopens + 1];
    closes[0] = close;
    for (int i = 1; i <= reopens; i++) {
      reopenAt[i] = closes[i - 1] + Math.round(Draws.lognormal(r, 30, 0.7) * LocalTimes.HOUR);
      closes[i] = reopenAt[i] + Math.round(Draws.lognormal(r, median * 0.6, 0.7) * LocalTimes.HOUR);
    }

    // The export shows the state at the end of the period.
    q.updated = q.created;
    q.status = "open";
    if (ack <= asOf) {
      q.acknowledged = ack;
      q.updated = ack;
    }
    if (assign <= asOf) {
      q.status = "assigned";
      q.updated = assign;
      q.providerType = PROVIDER_TYPES[type];
      q.providerId = PROVIDER_PREFIX[type] + "-" + (provider < 9 ? "0" : "") + (provider + 1);
    }
    if (progress <= asOf) {
      q.status = "in_progress";
      q.updated = progress;
      q.progressAt = progress;
    }
    if (closes[0] <= asOf) {
      q.status = "closed";
      q.closed = closes[0];
      q.firstClosed = closes[0];
      q.updated = closes[0];
    }
    for (int i = 1; i <= reopens; i++) {
      if (reopenAt[i] <= asOf) {
        q.reopened = i;
        q.status = "in_progress";
        q.closed = RequestRecord.NONE;
        q.updated = reopenAt[i];
      }
      if (closes[i] <= asOf) {
        q.status = "closed";
        q.closed = closes[i];
        q.updated = closes[i];
      }
    }
  }

  private long firstResponseSeconds(SplittableRandom r, long created) {
    int second = (int) Math.floorMod(created, LocalTimes.DAY);
    double hours = Draws.lognormal(r, 0.8, 0.9);
    // Outside office hours a request waits for the morning shift.
    if (second < 8 * 3600) {
      hours += (8 * 3600 - second) / 3600.0;
    } else if (second >= 21 * 3600) {
      hours += (32 * 3600 - second) / 3600.0;
    }
    return Math.max(60, Math.round(hours * LocalTimes.HOUR));
  }

  private static int providerType(SplittableRandom r, Category k) {
    int def = 0;
    for (int i = 0; i < PROVIDER_TYPES.length; i++) {
      if (PROVIDER_TYPES[i].equals(k.providerType())) {
        def = i;
      }
    }
    return r.nextDouble() < 0.75 ? def : r.nextInt(PROVIDER_TYPES.length);
  }
}
