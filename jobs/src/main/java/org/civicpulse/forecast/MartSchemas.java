package org.civicpulse.forecast;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.civicpulse.forecast.models.IsoWeek;

/** Column layouts of the forecast marts (the contract with the report in docs/forecast.md) and their rows. */
final class MartSchemas {
  private static final DataType S = DataTypes.StringType;
  private static final DataType D = DataTypes.DoubleType;

  static final StructType WEEKLY_DEMAND = schema("as_of_week", S, "level", S, "community_id", S, "category", S,
      "week", S, "week_start", DataTypes.DateType, "requests", DataTypes.LongType);
  static final StructType FORECASTS = schema("as_of_week", S, "level", S, "community_id", S, "category", S,
      "week", S, "week_start", DataTypes.DateType, "horizon", DataTypes.IntegerType, "model", S, "forecast", D,
      "lo80", D, "hi80", D, "lo95", D, "hi95", D);
  static final StructType ACCURACY = schema("as_of_week", S, "level", S, "community_id", S, "category", S,
      "model", S, "origins", DataTypes.IntegerType, "mase", D, "smape", D, "coverage80", D, "coverage95", D);
  static final StructType SERVICE_POINTS = schema("as_of_week", S, "community_id", S, "category", S,
      "weeks_above", DataTypes.IntegerType, "min_forecast_13w", D, "mean_forecast_13w", D, "threshold", D);
  static final StructType CAPACITY = schema("as_of_week", S, "community_id", S, "week", S,
      "week_start", DataTypes.DateType, "intake_forecast", D, "closures_per_week", D, "projected_backlog", D,
      "threshold", D, "crossing_week", S);
  static final StructType RISERS = schema("as_of_week", S, "level", S, "community_id", S, "category", S,
      "next_13w", D, "same_13w_last_year", D, "change", D, "change_pct", D);

  private MartSchemas() {}

  static List<Row> servicePointRows(IsoWeek asOf, List<Decisions.ServicePoint> points) {
    List<Row> rows = new ArrayList<>();
    points.forEach(p -> rows.add(RowFactory.create(asOf.toString(), p.community(), p.category(), p.weeksAbove(),
        p.min(), p.mean(), p.threshold())));
    return rows;
  }

  static List<Row> capacityRows(IsoWeek asOf, List<Decisions.CapacityRow> capacity) {
    List<Row> rows = new ArrayList<>();
    capacity.forEach(c -> rows.add(RowFactory.create(asOf.toString(), c.community(), c.week().toString(),
        Date.valueOf(c.week().monday()), c.intake(), c.closuresPerWeek(), c.projectedBacklog(), c.threshold(),
        c.crossingWeek() == null ? null : c.crossingWeek().toString())));
    return rows;
  }

  static List<Row> riserRows(IsoWeek asOf, List<Decisions.Riser> risers) {
    List<Row> rows = new ArrayList<>();
    risers.forEach(r -> rows.add(RowFactory.create(asOf.toString(), LakeForecast.level(r.key()), r.key().community(),
        r.key().category(), r.next13(), r.lastYear(), r.change(), Double.isNaN(r.changePct()) ? null : r.changePct())));
    return rows;
  }

  private static StructType schema(Object... pairs) {
    StructType t = new StructType();
    for (int i = 0; i < pairs.length; i += 2) {
      t = t.add((String) pairs[i], (DataType) pairs[i + 1], true);
    }
    return t;
  }
}
