package org.civicpulse.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.civicpulse.stats.HolidayCalendar;

/**
 * Participation in community affairs with a monthly rhythm: a residents' meeting in the first week, votes in
 * short campaigns, volunteering on weekends, quarterly surveys, festival events, and a quiet Spring Festival.
 * Independent of requests; scaled to about 0.6 rows per request.
 */
final class ParticipationModel {
  static final String[] HEADER = {"participation_id", "occurred_at", "community_id", "activity_type", "activity_id",
      "participant_role", "duration_minutes", "resident_id", "phone"};
  static final String[] TYPES = {"meeting", "vote", "volunteering", "consultation", "online_discussion", "survey",
      "event"};
  static final String[] ROLES = {"resident", "volunteer", "social_org", "enterprise", "government"};
  // Role mix per activity type, in ROLES order.
  private static final double[][] ROLE_MIX = {
      {0.80, 0.00, 0.07, 0.05, 0.08}, {1, 0, 0, 0, 0}, {0.30, 0.60, 0.10, 0, 0}, {0.90, 0, 0.05, 0.05, 0},
      {0.95, 0, 0, 0, 0.05}, {1, 0, 0, 0, 0}, {0.75, 0.05, 0.10, 0.05, 0.05}};
  private static final double[] VOTE_SHAPE = {0.30, 0.25, 0.15, 0.10, 0.08, 0.07, 0.05};
  static final double ROWS_PER_REQUEST = 0.6;

  /** One participation row before its id is assigned (ids follow time order within the day). */
  record Row(long occurred, String communityId, String type, String activityId, String role, int minutes,
      String residentId, String phone) {}

  private final CommunityCatalogue communities;
  private final HolidayCalendar calendar;
  private final Residents residents;
  private final int[] meetingDay;
  private final int[] meetingHour;
  private final List<List<LocalDate>> voteStarts = new ArrayList<>();
  private final double scale;

  ParticipationModel(GeneratorSpec spec, CommunityCatalogue communities, HolidayCalendar calendar,
      Residents residents) {
    this.communities = communities;
    this.calendar = calendar;
    this.residents = residents;
    SplittableRandom r = new SplittableRandom(spec.seed() ^ 0x50617274L);
    int n = communities.size();
    meetingDay = new int[n];
    meetingHour = new int[n];
    for (int i = 0; i < n; i++) {
      meetingDay[i] = 1 + r.nextInt(5);
      meetingHour[i] = r.nextBoolean() ? 19 : 14;
      // Three vote campaigns a year per community (property fees, renovation, committee matters).
      List<LocalDate> starts = new ArrayList<>();
      for (int y = spec.start().getYear(); y <= spec.end().getYear(); y++) {
        for (int k = 0; k < 3; k++) {
          starts.add(LocalDate.of(y, 1 + k * 4 + r.nextInt(3), 3 + r.nextInt(20)));
        }
      }
      voteStarts.add(starts);
    }
    double expected = 0;
    for (LocalDate d = spec.start(); !d.isAfter(spec.end()); d = d.plusDays(1)) {
      for (Community c : communities.all()) {
        for (int t = 0; t < TYPES.length; t++) {
          expected += rate(c, d, t);
        }
      }
    }
    this.scale = expected > 0 ? ROWS_PER_REQUEST * spec.requests() / expected : 0;
  }

  /** Unscaled expected rows of one activity type in one community on one day. */
  double rate(Community c, LocalDate d, int type) {
    double pop = c.population() / 10_000.0;
    boolean working = calendar.isWorkingDay(d);
    double base = switch (TYPES[type]) {
      case "meeting" -> d.equals(meetingDate(c, d)) ? 25 : 0;
      case "vote" -> voteWeight(c, d) * 40;
      case "volunteering" -> working ? 0.8 : 6;
      case "consultation" -> working ? 2.5 : 0.4;
      case "online_discussion" -> 3;
      case "survey" -> surveyWindow(d) ? 6 : 0;
      case "event" -> (isEveOfHoliday(d) ? 20 : 0) + (isSecondSaturday(d) ? 12 : 0);
      default -> 0;
    };
    if (calendar.isHoliday(d) && !TYPES[type].equals("event")) {
      base *= isSpringFestival(d) ? 0.15 : 0.6;
    }
    return base * pop;
  }

  /** The rows of one day for every community, in time order. */
  List<Row> day(SplittableRandom r, LocalDate d) {
    List<Row> rows = new ArrayList<>();
    long dayStart = LocalTimes.startOf(d);
    for (Community c : communities.all()) {
      for (int t = 0; t < TYPES.length; t++) {
        int count = Draws.poisson(r, rate(c, d, t) * scale);
        if (count == 0) {
          continue;
        }
        String type = TYPES[t];
        String activityId = activityId(c, d, type);
        int groupMinutes = 60 + r.nextInt(61);
        for (int i = 0; i < count; i++) {
          long at = dayStart + startSecond(r, c, type);
          int minutes = switch (type) {
            case "meeting" -> Math.max(30, groupMinutes + r.nextInt(21) - 10);
            case "vote" -> 1 + r.nextInt(5);
            case "volunteering" -> 90 + 30 * r.nextInt(6);
            case "consultation" -> 10 + r.nextInt(36);
            case "online_discussion" -> 3 + r.nextInt(38);
            case "survey" -> 5 + r.nextInt(11);
            default -> 60 + 30 * r.nextInt(5);
          };
          String role = ROLES[Draws.weighted(r, ROLE_MIX[t])];
          boolean staff = role.equals("social_org") || role.equals("enterprise") || role.equals("government");
          long person = staff ? residents.drawStaff(r, c) : residents.draw(r, c);
          String phone = r.nextDouble() < 0.25 ? residents.phone(person) : "";
          rows.add(new Row(at, c.id(), type, activityId, role, minutes, Residents.id(person), phone));
        }
      }
    }
    // Stable sort: ties keep generation order, which is itself deterministic.
    rows.sort((a, b) -> Long.compare(a.occurred(), b.occurred()));
    return rows;
  }

  static String[] toRow(String id, Row p, LocalTimes t) {
    return new String[] {id, t.format(p.occurred()), p.communityId(), p.type(), p.activityId(), p.role(),
        Integer.toString(p.minutes()), p.residentId(), p.phone()};
  }

  private LocalDate meetingDate(Community c, LocalDate d) {
    LocalDate m = d.withDayOfMonth(meetingDay[c.index()]);
    while (!calendar.isWorkingDay(m)) {
      m = m.plusDays(1);
    }
    return m;
  }

  private double voteWeight(Community c, LocalDate d) {
    double w = 0;
    for (LocalDate s : voteStarts.get(c.index())) {
      long j = d.toEpochDay() - s.toEpochDay();
      if (j >= 0 && j < VOTE_SHAPE.length) {
        w += VOTE_SHAPE[(int) j];
      }
    }
    return w;
  }

  private static boolean surveyWindow(LocalDate d) {
    return d.getMonthValue() % 3 == 0 && d.getDayOfMonth() <= 10;
  }

  private boolean isEveOfHoliday(LocalDate d) {
    return !calendar.isHoliday(d) && calendar.isHoliday(d.plusDays(1));
  }

  private static boolean isSecondSaturday(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY
        && d.equals(d.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SATURDAY)));
  }

  private boolean isSpringFestival(LocalDate d) {
    return calendar.entry(d).map(e -> !e.workday() && e.nameEn().startsWith("Spring Festival")).orElse(false);
  }

  private int startSecond(SplittableRandom r, Community c, String type) {
    int hour = switch (type) {
      case "meeting" -> meetingHour[c.index()];
      case "volunteering" -> 8 + r.nextInt(4);
      case "consultation" -> 9 + r.nextInt(8);
      case "online_discussion" -> 10 + r.nextInt(14);
      case "event" -> 9 + r.nextInt(8);
      default -> 8 + r.nextInt(15);
    };
    return hour * 3600 + r.nextInt(3600);
  }

  private static String activityId(Community c, LocalDate d, String type) {
    String ym = d.getYear() + (d.getMonthValue() < 10 ? "0" : "") + d.getMonthValue();
    String ymd = ym + (d.getDayOfMonth() < 10 ? "0" : "") + d.getDayOfMonth();
    return switch (type) {
      case "meeting" -> "MTG-" + c.id() + "-" + ym;
      case "vote" -> "VOTE-" + c.id() + "-" + ym;
      case "volunteering" -> "VOL-" + c.id() + "-" + ymd;
      case "online_discussion" -> "TOPIC-" + c.id() + "-" + ym;
      case "survey" -> "SURV-" + d.getYear() + "Q" + ((d.getMonthValue() - 1) / 3 + 1);
      case "event" -> "EVT-" + c.id() + "-" + ymd;
      default -> "";
    };
  }
}
