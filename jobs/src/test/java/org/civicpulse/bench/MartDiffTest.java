package org.civicpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MartDiff on real Delta marts: equal rows, a changed row, and a mart that exists with no row on one side. */
class MartDiffTest {
  private final SparkSession spark = SharedSpark.get();
  private final DeltaStore store = new DeltaStore(spark);

  @TempDir
  Path left;
  @TempDir
  Path right;

  private void mart(Path lake, String name, String values) {
    store.append(rows(values), lake.resolve("marts").resolve(name), null);
  }

  private void emptyMart(Path lake, String name) {
    store.append(rows("('2025-12-31', 'C1', 1)").limit(0), lake.resolve("marts").resolve(name), null);
  }

  private Dataset<Row> rows(String values) {
    return spark.sql("SELECT to_date(d) AS date, community_id, n FROM VALUES " + values + " AS t(d, community_id, n)");
  }

  private MartDiff.Counts compare(String name) throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      return MartDiff.compare(duck, left, right, name, "", Set.of());
    }
  }

  @Test
  void countsTheRowsOnlyOneSideHas() throws Exception {
    mart(left, "same", "('2025-12-31', 'C1', 1), ('2025-12-31', 'C2', 2)");
    mart(right, "same", "('2025-12-31', 'C2', 2), ('2025-12-31', 'C1', 1)");
    mart(left, "changed", "('2025-12-31', 'C1', 1), ('2025-12-31', 'C2', 2)");
    mart(right, "changed", "('2025-12-31', 'C1', 1), ('2025-12-31', 'C2', 3)");
    assertThat(compare("same")).isEqualTo(new MartDiff.Counts(2, 2, 0, 0));
    assertThat(compare("changed")).isEqualTo(new MartDiff.Counts(2, 2, 1, 1));
  }

  @Test
  void aMartWithoutRowsIsEmptyNotAnError() throws Exception {
    emptyMart(left, "empty");
    emptyMart(right, "empty");
    emptyMart(left, "one_empty");
    mart(right, "one_empty", "('2025-12-31', 'C1', 1), ('2025-12-31', 'C2', 2)");
    assertThat(compare("empty")).isEqualTo(new MartDiff.Counts(0, 0, 0, 0));
    assertThat(compare("one_empty")).as("both rows only on the right").isEqualTo(new MartDiff.Counts(0, 2, 0, 2));
    assertThat(compare("absent")).isEqualTo(new MartDiff.Counts(0, 0, 0, 0));
  }
}
