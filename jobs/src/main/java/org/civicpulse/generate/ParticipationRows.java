package org.civicpulse.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SplittableRandom;

/** One participation record: activity type by the calendar (meetings early in the month, volunteering at weekends). */
final class ParticipationRows {
  private static final String[] ROLES = {"resident", "resident", "resident", "resident", "resident", "resident", "volunteer",
      "volunteer", "social_org", "enterprise", "government"};

  private ParticipationRows() {}

  static Object[] row(SplittableRandom rnd, Catalogue.Community c, LocalDate d, long seq) {
    boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    String type;
    double u = rnd.nextDouble();
    if (d.getDayOfMonth() <= 7 && u < 0.35) {
      type = "meeting";
    } else if (weekend && u < 0.6) {
      type = "volunteering";
    } else if (d.getDayOfMonth() >= 20 && d.getDayOfMonth() <= 24 && u < 0.5) {
      type = "vote";
    } else {
      type = new String[] {"consultation", "online_discussion", "survey", "event", "volunteering"}[rnd.nextInt(5)];
    }
    String role = ROLES[rnd.nextInt(ROLES.length)];
    int minutes = type.equals("survey") || type.equals("vote") ? 5 + rnd.nextInt(15) : 30 + rnd.nextInt(150);
    String when = d.atTime(8 + rnd.nextInt(12), rnd.nextInt(60)).format(SampleGenerator.TS);
    String activity = type.substring(0, 3).toUpperCase() + "-" + c.id() + "-" + d.getYear() + String.format("%02d", d.getMonthValue());
    String resident = "R" + c.id().substring(1) + String.format("%05d", rnd.nextInt(Math.max(1, c.population() / 3)));
    return new Object[] {String.format("PA%s%09d", c.id(), seq), when, c.id(), type, activity, role, minutes, resident, ""};
  }
}
