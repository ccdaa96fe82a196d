package org.civicpulse.dashboard;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * participation, calendar month of D to date: distinct participants (per 1,000 residents where the
 * population is known), records, and the non-government share of records; by activity type and by role.
 */
public final class ParticipationMetrics {
  private ParticipationMetrics() {}

  /**
   * Month-to-date values as running sums over each group's days: a participant counts from the first day
   * they appear in the month, so nothing is repeated per day (repeating every record on each later day of
   * its month made ~15 rows per record before a distinct count).
   */
  /** @param communities community_id, population: the per-1,000 denominators */
  public static Dataset<Row> monthToDate(Dataset<Row> participation, Dataset<Row> communities, DateRange r) {
    Dataset<Row> keys = groupedRecords(participation, r);
    String group = "month, community_id, dimension, value";
    Dataset<Row> daily = BoundSql.of("SELECT " + group + ", day, count(*) AS records, sum(non_gov) AS non_gov FROM {keys}"
        + " GROUP BY " + group + ", day").with("keys", keys).run();
    Dataset<Row> newcomers = BoundSql.of("SELECT " + group + ", first_day AS day, count(*) AS newcomers FROM (SELECT "
        + group + ", who, min(day) AS first_day FROM {keys} GROUP BY " + group + ", who) GROUP BY " + group + ", first_day")
        .with("keys", keys).run();
    // Each group has a row on every day from its first record in the month to the month's end (or the range's).
    Dataset<Row> days = BoundSql.of("SELECT " + group + ", explode(sequence(min(day), least(last_day(month), " + r.b()
        + "))) AS day FROM {daily} GROUP BY " + group).with("daily", daily).run();
    String running = "OVER (PARTITION BY g.month, g.community_id, g.dimension, g.value ORDER BY g.day"
        + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
    Dataset<Row> mtd = BoundSql.of("SELECT g.day AS date, g.community_id, g.dimension, g.value,"
        + " sum(coalesce(n.newcomers, 0)) " + running + " AS participants_mtd,"
        + " sum(coalesce(d.records, 0)) " + running + " AS records_mtd,"
        + " sum(coalesce(d.non_gov, 0)) " + running + " AS non_gov_mtd"
        + " FROM {days} g"
        + " LEFT JOIN {daily} d ON g.month = d.month AND g.community_id = d.community_id AND g.dimension = d.dimension"
        + "  AND g.value = d.value AND g.day = d.day"
        + " LEFT JOIN {newcomers} n ON g.month = n.month AND g.community_id = n.community_id AND g.dimension = n.dimension"
        + "  AND g.value = n.value AND g.day = n.day").with("days", days).with("daily", daily).with("newcomers", newcomers).run();
    return BoundSql.of("SELECT p.date, p.community_id, p.dimension, p.value, p.participants_mtd, p.records_mtd,"
        + " CAST(p.non_gov_mtd AS DOUBLE) / p.records_mtd AS non_gov_share,"
        + " CASE WHEN pop.population > 0 THEN p.participants_mtd * 1000D / pop.population END AS per_1000"
        + " FROM {mtd} p LEFT JOIN (SELECT community_id, population FROM {communities} UNION ALL"
        + "  SELECT 'ALL', CASE WHEN count(*) = count(population) THEN sum(population) END FROM {communities}) pop"
        + " ON p.community_id = pop.community_id"
        + " WHERE p.date >= " + r.a()).with("mtd", mtd).with("communities", communities).run();
  }

  /** Each record of the range's months up to its last day, once per group it counts in: community or ALL × dimension. */
  private static Dataset<Row> groupedRecords(Dataset<Row> participation, DateRange r) {
    return BoundSql.of("SELECT to_date(occurred_at) AS day, trunc(to_date(occurred_at), 'MM') AS month, c AS community_id,"
        + " dv.dimension, dv.value, coalesce(resident_key, participation_id) AS who,"
        + " CASE WHEN participant_role <> 'government' THEN 1 ELSE 0 END AS non_gov"
        + " FROM {participation}"
        + " LATERAL VIEW explode(array(community_id, 'ALL')) tc AS c"
        + " LATERAL VIEW explode(array(named_struct('dimension', 'ALL', 'value', 'ALL'),"
        + "   named_struct('dimension', 'activity_type', 'value', activity_type),"
        + "   named_struct('dimension', 'role', 'value', participant_role))) td AS dv"
        + " WHERE to_date(occurred_at) BETWEEN trunc(" + r.a() + ", 'MM') AND " + r.b())
        .with("participation", participation).run();
  }
}
