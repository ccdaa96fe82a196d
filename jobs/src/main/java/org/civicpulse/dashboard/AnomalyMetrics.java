package org.civicpulse.dashboard;


import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.civicpulse.stats.RobustZ;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** anomaly: each day's volume against the same weekday of the previous 8 weeks (the robust z rule of stats). */
public final class AnomalyMetrics {
  static final int WEEKS = 8;
  private static final StructType RESULT = new StructType()
      .add("z", DataTypes.DoubleType, true)
      .add("flag", DataTypes.BooleanType, false);

  private AnomalyMetrics() {}

  /** @param denseVolume date, community_id, category, volume — zero-filled from 56 days before the range */
  public static Dataset<Row> anomalies(Dataset<Row> denseVolume, DateRange r) {
    // Registered once per session: a resident session runs many dashboards, and each new registration logs a warning.
    if (!denseVolume.sparkSession().catalog().functionExists("cp_robust_z")) {
      denseVolume.sparkSession().udf().register("cp_robust_z", (UDF2<Seq<Number>, Number, Row>) AnomalyMetrics::score,
          RESULT);
    }
    return BoundSql.of("SELECT date, community_id, category, s.z AS anomaly_z, s.flag AS anomaly_flag FROM ("
        + " SELECT date, community_id, category, cp_robust_z(hist, volume) AS s FROM ("
        + "  SELECT *, collect_list(volume) OVER (PARTITION BY community_id, category, dayofweek(date) ORDER BY date"
        + "   ROWS BETWEEN " + WEEKS + " PRECEDING AND 1 PRECEDING) AS hist FROM {dense_volume}))"
        + " WHERE date BETWEEN " + r.a() + " AND " + r.b()).with("dense_volume", denseVolume).run();
  }

  private static Row score(Seq<Number> history, Number x) {
    List<Number> h = CollectionConverters.asJava(history);
    double[] values = h.stream().mapToDouble(Number::doubleValue).toArray();
    RobustZ.Result res = RobustZ.score(x == null ? 0 : x.doubleValue(), values);
    return RowFactory.create(res.z().isPresent() ? res.z().getAsDouble() : null, res.flag());
  }

}
