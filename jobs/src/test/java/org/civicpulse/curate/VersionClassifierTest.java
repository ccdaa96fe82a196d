package org.civicpulse.curate;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * One classifier for files and Kafka. Stored: C1 "a", C2 "b". Incoming, in source order: 1 C1 "a", 2 C2 "x",
 * 3 C3 "c", 4 C3 "c", 5 C3 "d", 6 C2 "b". Worked out by hand from docs/data.md: as facts the first version stands
 * (stored, else the first incoming); as references each version is judged against the one before it.
 */
class VersionClassifierTest {
  static final TableSchema COMMUNITIES = Schemas.get(Schemas.COMMUNITIES);
  private final SparkSession spark = SharedSpark.get();

  @Test
  void factsKeepTheirFirstVersion() {
    assertThat(outcomes(VersionClassifier.classify(incoming(), stored(), COMMUNITIES, true, col("_pos"))))
        .containsExactly("1 C1 a unchanged", "2 C2 x conflicting", "3 C3 c inserted", "4 C3 c unchanged",
            "5 C3 d conflicting", "6 C2 b unchanged");
  }

  @Test
  void referencesTakeEachLaterVersion() {
    assertThat(outcomes(VersionClassifier.classify(incoming(), stored(), COMMUNITIES, false, col("_pos"))))
        .containsExactly("1 C1 a unchanged", "2 C2 x updated", "3 C3 c inserted", "4 C3 c unchanged",
            "5 C3 d updated", "6 C2 b updated");
  }

  @Test
  void withoutAStoredTableTheFirstIncomingVersionIsInserted() {
    assertThat(outcomes(VersionClassifier.classify(incoming(), null, COMMUNITIES, true, col("_pos"))))
        .containsExactly("1 C1 a inserted", "2 C2 x inserted", "3 C3 c inserted", "4 C3 c unchanged",
            "5 C3 d conflicting", "6 C2 b conflicting");
  }

  @Test
  void kafkaOrderIsPartitionThenOffset() {
    // Offsets run backwards (offset = 100 − pos) and pos 5 alone is on partition 1: source order is 6, 4, 3, 2, 1
    // on partition 0, then 5. So C2 "b" (6) comes before "x" (2), C3 "c" (4) before "c" (3), and C3 "d" (5),
    // despite the lowest offset, comes last.
    Dataset<Row> kafka = incoming().withColumn("_partition", col("_pos").equalTo(5).cast("int"))
        .withColumn("_offset", org.apache.spark.sql.functions.lit(100L).minus(col("_pos")));
    assertThat(outcomes(VersionClassifier.classify(kafka, null, COMMUNITIES, true, col("_partition"), col("_offset"))))
        .containsExactly("1 C1 a inserted", "2 C2 x conflicting", "3 C3 c unchanged", "4 C3 c inserted",
            "5 C3 d conflicting", "6 C2 b inserted");
  }

  @Test
  void conflictingRowsCarryTheirReasonAndNoOutcome() {
    Dataset<Row> c = VersionClassifier.conflicting(
        VersionClassifier.classify(incoming(), stored(), COMMUNITIES, true, col("_pos")), "community_id");
    assertThat(c.columns()).doesNotContain(Outcome.COLUMN);
    List<String> reasons = new ArrayList<>();
    c.orderBy("_pos").collectAsList().forEach(r -> reasons.add(r.getList(r.fieldIndex(RecordColumns.REASONS)).toString()));
    assertThat(reasons).containsExactly("[conflicting_id: community_id already used by a different record]",
        "[conflicting_id: community_id already used by a different record]");
  }

  private Dataset<Row> stored() {
    return spark.createDataFrame(List.of(community("C1", "a"), community("C2", "b")), COMMUNITIES.sparkSchema());
  }

  private Dataset<Row> incoming() {
    StructType s = COMMUNITIES.sparkSchema().add("_pos", DataTypes.LongType);
    String[][] rows = {{"C1", "a"}, {"C2", "x"}, {"C3", "c"}, {"C3", "c"}, {"C3", "d"}, {"C2", "b"}};
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      Row c = community(rows[i][0], rows[i][1]);
      Object[] v = new Object[c.size() + 1];
      for (int j = 0; j < c.size(); j++) {
        v[j] = c.get(j);
      }
      v[c.size()] = (long) (i + 1);
      out.add(RowFactory.create(v));
    }
    return spark.createDataFrame(out, s).withColumn(RecordColumns.REASONS,
        org.apache.spark.sql.functions.array().cast("array<string>"));
  }

  private static Row community(String id, String name) {
    return RowFactory.create(id, name, null, null, null, 1000L, 400L, 1.5);
  }

  private static List<String> outcomes(Dataset<Row> classified) {
    List<String> out = new ArrayList<>();
    classified.orderBy("_pos").collectAsList().forEach(r -> out.add(r.getAs("_pos") + " " + r.getAs("community_id") + " "
        + r.getAs("name") + " " + r.getAs(Outcome.COLUMN)));
    return out;
  }
}
