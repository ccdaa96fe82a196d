package org.civicpulse.curate;

import static org.apache.spark.sql.functions.array_union;
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
import org.civicpulse.schema.Reasons;
import org.civicpulse.schema.TableSchema;

/**
 * Repeated ids of tables without versions of their own (docs/data.md), judged the same way for files and Kafka.
 * Facts (feedback, participation): the first version stands — the stored one, else the first in source order —
 * an identical repeat is unchanged, a different one is conflicting. Reference tables: each version replaces the
 * one before it in source order.
 */
public final class VersionClassifier {
  private static final String HASH = "_hash";
  private static final String STORED = "_stored";

  private VersionClassifier() {}

  /**
   * The incoming valid records, each with an {@link Outcome#COLUMN}; their own columns are kept as they are.
   *
   * @param stored the table as stored, or null when it does not exist yet
   * @param order the source order of the incoming records (file order and line; partition and offset)
   */
  public static Dataset<Row> classify(Dataset<Row> valid, Dataset<Row> stored, TableSchema schema, boolean facts,
      Column... order) {
    Dataset<Row> incoming = valid.withColumn(HASH, hash(schema)).withColumn(STORED, lit(false));
    Dataset<Row> all = incoming;
    if (stored != null) {
      Dataset<Row> old = stored.join(valid.select(schema.key()).distinct(), schema.key(), "left_semi")
          .withColumn(HASH, hash(schema)).withColumn(STORED, lit(true));
      all = incoming.unionByName(old, true);
    }
    List<Column> sort = new ArrayList<>(List.of(col(STORED).desc()));
    sort.addAll(Arrays.asList(order));
    WindowSpec w = Window.partitionBy(schema.key()).orderBy(sort.toArray(new Column[0]));
    Column reference = facts ? first(col(HASH)).over(w) : lag(col(HASH), 1).over(w);
    Column outcome = when(row_number().over(w).equalTo(1), Outcome.INSERTED)
        .when(col(HASH).equalTo(reference), Outcome.UNCHANGED)
        .otherwise(facts ? Outcome.CONFLICTING : Outcome.UPDATED);
    List<Column> keep = new ArrayList<>();
    for (String c : valid.columns()) {
      keep.add(col(c));
    }
    keep.add(col(Outcome.COLUMN));
    return all.withColumn(Outcome.COLUMN, outcome).filter(col(STORED).equalTo(false))
        .select(keep.toArray(new Column[0]));
  }

  /** The classified records with the given outcome, without the outcome column. */
  public static Dataset<Row> with(Dataset<Row> classified, String outcome) {
    return classified.filter(col(Outcome.COLUMN).equalTo(outcome)).drop(Outcome.COLUMN);
  }

  /** The conflicting records, their reason added, ready for {@link QuarantineRows}. */
  public static Dataset<Row> conflicting(Dataset<Row> classified, String key) {
    Column reason = lit(new String[] {Reasons.of(Reasons.CONFLICTING_ID, key + " already used by a different record")});
    return with(classified, Outcome.CONFLICTING)
        .withColumn(RecordColumns.REASONS, array_union(col(RecordColumns.REASONS), reason));
  }

  /** A hash of a row's curated content. */
  public static Column hash(TableSchema schema) {
    List<Column> parts = new ArrayList<>();
    // Nulls are spelled out: concat_ws would skip them and make (a, null, b) equal to (a, b, null).
    schema.fieldNames().forEach(n -> parts.add(coalesce(col(n).cast("string"), lit("\u0000"))));
    return sha2(concat_ws("\u0001", parts.toArray(new Column[0])), 256);
  }
}
