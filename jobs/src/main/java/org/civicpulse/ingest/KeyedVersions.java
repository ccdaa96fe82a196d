package org.civicpulse.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.civicpulse.schema.TableSchema;

/**
 * Repeated ids for tables without versions of their own (DESIGN §2). Facts (feedback, participation): the
 * first version stands; an identical repeat is unchanged, a different one is a conflicting id. Reference
 * tables: the later version in file order replaces the earlier one.
 */
public final class KeyedVersions {
  public static final String OUTCOME = "_outcome";
  public static final String CONFLICTING = "conflicting";
  static final String HASH = "_hash";

  private KeyedVersions() {}

  /** Incoming valid rows with an _outcome column: inserted, updated, unchanged or conflicting. */
  public static Dataset<Row> classify(Dataset<Row> validStaged, Dataset<Row> stored, TableSchema schema, boolean facts) {
    List<String> curated = Arrays.asList(schema.sparkSchema().fieldNames());
    Dataset<Row> incoming = validStaged.withColumn(HASH, hash(schema));
    Dataset<Row> old = stored.join(incoming.select(schema.key()).distinct(), schema.key(), "left_semi")
        .withColumn(HASH, hash(schema))
        .withColumn(StagedRows.SOURCE, lit(""))
        .withColumn(StagedRows.LINE, lit(null).cast("long"))
        .withColumn(StagedRows.ORDER, lit(-1L))
        .withColumn(StagedRows.RAW, lit(""))
        .withColumn(StagedRows.REASONS, lit(new String[0]))
        .select(incoming.columns()[0], Arrays.copyOfRange(incoming.columns(), 1, incoming.columns().length));
    WindowSpec w = Window.partitionBy(schema.key()).orderBy(StagedRows.ORDER);
    Column reference = facts ? first(col(HASH)).over(w) : lag(col(HASH), 1).over(w);
    Column outcome = when(row_number().over(w).equalTo(1), "inserted")
        .when(col(HASH).equalTo(reference), "unchanged")
        .otherwise(facts ? CONFLICTING : "updated");
    Dataset<Row> all = old.unionByName(incoming).withColumn(OUTCOME, outcome);
    List<Column> keep = new ArrayList<>();
    curated.forEach(c -> keep.add(col(c)));
    keep.addAll(List.of(col(StagedRows.SOURCE), col(StagedRows.LINE), col(StagedRows.ORDER), col(StagedRows.RAW),
        col(StagedRows.REASONS), col(OUTCOME)));
    return all.filter(col(StagedRows.ORDER).geq(0)).select(keep.toArray(new Column[0]));
  }

  /** A hash of a row's curated content. */
  public static Column hash(TableSchema schema) {
    List<Column> parts = new ArrayList<>();
    // Nulls are spelled out: concat_ws would skip them and make (a, null, b) equal to (a, b, null).
    schema.fieldNames().forEach(n -> parts.add(coalesce(col(n).cast("string"), lit("\u0000"))));
    return sha2(concat_ws("\u0001", parts.toArray(new Column[0])), 256);
  }
}
