package org.civicpulse.stream;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.civicpulse.ingest.KeyedVersions;
import org.civicpulse.schema.Reasons;
import org.civicpulse.schema.TableSchema;

/**
 * Repeated ids of facts (feedback, participation) in a stream batch, as DESIGN §2 and batch ingest judge them:
 * the first version of an id stands (the stored one, else the batch's first by partition and offset); an
 * identical repeat is unchanged, a different one is quarantined as conflicting_id.
 */
final class FactVersions {
  static final String OUTCOME = "_outcome";
  static final String INSERTED = "inserted";
  static final String UNCHANGED = "unchanged";
  static final String CONFLICTING = "conflicting";
  private static final String HASH = "_hash";
  private static final String STORED = "_stored_hash";

  private FactVersions() {}

  /**
   * Valid parsed rows with an _outcome column; materialised, because writing the table they were judged against
   * must not make Spark judge them again against the new state.
   *
   * @param stored the table as stored, or null when it does not exist yet
   */
  static Dataset<Row> classify(Dataset<Row> valid, Dataset<Row> stored, TableSchema schema) {
    String key = schema.key();
    WindowSpec w = Window.partitionBy(key).orderBy(col(KafkaRows.PARTITION), col(KafkaRows.OFFSET));
    Dataset<Row> ranked = valid.withColumn(HASH, KeyedVersions.hash(schema))
        .withColumn("_first", first(col(HASH)).over(w))
        .withColumn("_rn", row_number().over(w));
    if (stored != null) {
      Dataset<Row> hashes = stored.withColumn(STORED, KeyedVersions.hash(schema)).select(col(key), col(STORED));
      ranked = ranked.join(hashes, ranked.col(key).equalTo(hashes.col(key)), "left").drop(hashes.col(key));
    } else {
      ranked = ranked.withColumn(STORED, lit(null).cast("string"));
    }
    return ranked.withColumn(OUTCOME,
            when(col(HASH).notEqual(coalesce(col(STORED), col("_first"))), CONFLICTING)
                .when(col(STORED).isNull().and(col("_rn").equalTo(1)), INSERTED)
                .otherwise(UNCHANGED))
        .drop(HASH, STORED, "_first", "_rn")
        .localCheckpoint();
  }

  static Dataset<Row> with(Dataset<Row> classified, String outcome) {
    return classified.filter(col(OUTCOME).equalTo(outcome)).drop(OUTCOME);
  }

  /** The conflicting rows with their reason, ready for {@link CuratedRows#quarantine}. */
  static Dataset<Row> conflicting(Dataset<Row> classified, String key) {
    String reason = Reasons.of(Reasons.CONFLICTING_ID, key + " already used by a different record");
    return with(classified, CONFLICTING).withColumn(KafkaRows.REASONS, lit(new String[] {reason}));
  }
}
