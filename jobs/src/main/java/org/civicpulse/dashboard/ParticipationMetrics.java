package org.civicpulse.dashboard;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * participation, calendar month of D to date: distinct participants (per 1,000 residents where the
 * population is known), records, and the non-government share of records; by activity type and by role.
 */
public final class ParticipationMetrics {
  private ParticipationMetrics() {}

  public static Dataset<Row> monthToDate(DashboardViews v, DateRange r) {
    // Each record counts on every day from its own date to its month's end (month to date), within the range.
    v.sql("SELECT d AS date, community_id, activity_type, participant_role, resident_key, participation_id FROM"
        + " (SELECT *, greatest(to_date(occurred_at), " + r.a() + ") AS f, least(last_day(to_date(occurred_at)), " + r.b() + ") AS l"
        + "  FROM cp_participation WHERE to_date(occurred_at) BETWEEN trunc(" + r.a() + ", 'MM') AND " + r.b() + ")"
        + " LATERAL VIEW explode(sequence(f, l)) t AS d WHERE f <= l").createOrReplaceTempView("cp_part_days");
    String agg = "count(DISTINCT coalesce(resident_key, participation_id)) AS participants_mtd, count(*) AS records_mtd,"
        + " avg(CASE WHEN participant_role <> 'government' THEN 1D ELSE 0D END) AS non_gov_share";
    String union = String.join(" UNION ALL ",
        "SELECT date, coalesce(community_id, 'ALL') AS community_id, 'ALL' AS dimension, 'ALL' AS value, " + agg
            + " FROM cp_part_days GROUP BY date, ROLLUP(community_id)",
        "SELECT date, coalesce(community_id, 'ALL') AS community_id, 'activity_type' AS dimension, activity_type AS value, " + agg
            + " FROM cp_part_days GROUP BY date, activity_type, ROLLUP(community_id)",
        "SELECT date, coalesce(community_id, 'ALL') AS community_id, 'role' AS dimension, participant_role AS value, " + agg
            + " FROM cp_part_days GROUP BY date, participant_role, ROLLUP(community_id)");
    return v.sql("SELECT p.*, CASE WHEN pop.population > 0 THEN p.participants_mtd * 1000D / pop.population END AS per_1000"
        + " FROM (" + union + ") p LEFT JOIN (SELECT community_id, population FROM cp_communities UNION ALL"
        + "  SELECT 'ALL', CASE WHEN count(*) = count(population) THEN sum(population) END FROM cp_communities) pop"
        + " ON p.community_id = pop.community_id");
  }
}
