package org.civicpulse.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.civicpulse.curate.Outcome;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;

/**
 * Plans the versioning of service requests as one Dataset: for each request touched by the run, the
 * stored state and the run's versions are walked together ({@link RequestVersions}), giving one outcome row
 * per record read, one state row per changed request and one row per new event.
 */
public final class RequestMerge {
  public static final String KIND = "_kind";
  static final String KIND_OUTCOME = "outcome";
  static final String KIND_STATE = "state";
  static final String KIND_EVENT = "event";

  private RequestMerge() {}

  /** @param validStaged valid staged request rows @param stored the curated service_requests table */
  public static Dataset<Row> plan(Dataset<Row> validStaged, Dataset<Row> stored) {
    TableSchema sr = Schemas.get(Schemas.SERVICE_REQUESTS);
    List<String> stateCols = new ArrayList<>(Arrays.asList(sr.sparkSchema().fieldNames()));
    Column[] incomingCols = cols(stateCols, StagedRows.SOURCE, StagedRows.LINE, StagedRows.ORDER);
    Dataset<Row> incoming = validStaged.select(incomingCols);
    Dataset<Row> touched = stored.join(incoming.select("request_id").distinct(), "request_id", "left_semi")
        .withColumn(StagedRows.SOURCE, lit(""))
        .withColumn(StagedRows.LINE, lit(null).cast("long"))
        .withColumn(StagedRows.ORDER, lit(-1L))
        .select(incomingCols);
    Dataset<Row> all = touched.unionByName(incoming);
    StructType out = resultSchema(sr);
    int n = stateCols.size();
    Dataset<Row> result = all
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups(walker(n, new RequestVersions(new RequestFields())), Encoders.row(out));
    return result.withColumn("event_month", date_format(col("event_time"), "yyyy-MM"));
  }

  private static FlatMapGroupsFunction<String, Row, Row> walker(int n, RequestVersions versions) {
    return (id, rows) -> {
      Object[] stored = null;
      List<Row> records = new ArrayList<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        if (r.getLong(n + 2) < 0) {
          stored = values(r, n);
        } else {
          records.add(r);
        }
      }
      records.sort(Comparator.comparingLong(r -> r.getLong(n + 2)));
      List<Object[]> versionsIn = new ArrayList<>();
      records.forEach(r -> versionsIn.add(values(r, n)));
      RequestVersions.Result res = versions.walk(stored, versionsIn);
      List<Row> out = new ArrayList<>();
      for (int i = 0; i < records.size(); i++) {
        Row r = records.get(i);
        out.add(row(KIND_OUTCOME, res.outcomes().get(i), r.getString(n), r.get(n + 1), new Object[n], null));
      }
      if (res.finalState() != null) {
        out.add(row(KIND_STATE, null, null, null, res.finalState(), null));
      }
      for (RequestEvent e : res.events()) {
        out.add(row(KIND_EVENT, null, records.get(records.size() - 1).getString(n), null, e.state(), e));
      }
      return out.iterator();
    };
  }

  private static Object[] values(Row r, int n) {
    Object[] v = new Object[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.get(i);
    }
    return v;
  }

  private static Row row(String kind, String outcome, String source, Object line, Object[] state, RequestEvent e) {
    Object[] v = new Object[4 + state.length + 3];
    v[0] = kind;
    v[1] = outcome;
    v[2] = source;
    v[3] = line;
    System.arraycopy(state, 0, v, 4, state.length);
    if (e != null) {
      v[4 + state.length] = e.eventId();
      v[5 + state.length] = e.eventType();
      v[6 + state.length] = e.eventTime();
    }
    return RowFactory.create(v);
  }

  private static StructType resultSchema(TableSchema sr) {
    StructType s = new StructType()
        .add(KIND, DataTypes.StringType)
        .add(Outcome.COLUMN, DataTypes.StringType)
        .add(StagedRows.SOURCE, DataTypes.StringType)
        .add(StagedRows.LINE, DataTypes.LongType);
    for (StructField f : sr.sparkSchema().fields()) {
      s = s.add(f.name(), f.dataType(), true);
    }
    return s.add("event_id", DataTypes.StringType)
        .add("event_type", DataTypes.StringType)
        .add("event_time", DataTypes.TimestampType);
  }

  /** The new and changed states, shaped as the curated table. */
  public static Dataset<Row> states(Dataset<Row> plan) {
    TableSchema sr = Schemas.get(Schemas.SERVICE_REQUESTS);
    return plan.filter(col(KIND).equalTo(KIND_STATE)).select(cols(Arrays.asList(sr.sparkSchema().fieldNames())));
  }

  /** The new events, shaped as request_events. */
  public static Dataset<Row> events(Dataset<Row> plan) {
    TableSchema ev = Schemas.get(Schemas.REQUEST_EVENTS);
    List<Column> select = new ArrayList<>();
    for (String name : ev.fieldNames()) {
      select.add(name.equals("source") ? col(StagedRows.SOURCE).as("source") : col(name));
    }
    select.add(col("event_month").as(org.civicpulse.schema.TableSchema.MONTH_COLUMN));
    return plan.filter(col(KIND).equalTo(KIND_EVENT)).select(select.toArray(new Column[0]));
  }

  /** One row per record read: its outcome. */
  public static Dataset<Row> outcomes(Dataset<Row> plan) {
    return plan.filter(col(KIND).equalTo(KIND_OUTCOME)).select(col(Outcome.COLUMN));
  }

  private static Column[] cols(List<String> names, String... more) {
    List<Column> c = new ArrayList<>();
    names.forEach(nm -> c.add(col(nm)));
    for (String m : more) {
      c.add(col(m));
    }
    return c.toArray(new Column[0]);
  }
}
