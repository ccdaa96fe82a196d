package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** A metric's SQL reads only the Datasets bound to it; nothing stays registered behind it. */
class BoundSqlTest {
  private final SparkSession spark = SharedSpark.get();

  @Test
  void twoStatementsBindingOneNameEachReadTheirOwnInput() {
    Dataset<Row> small = spark.range(1, 4).toDF("x");
    Dataset<Row> large = spark.range(10, 13).toDF("x");
    Dataset<Row> a = BoundSql.of("SELECT sum(x) AS s FROM {t}").with("t", small).run();
    Dataset<Row> b = BoundSql.of("SELECT sum(x) AS s FROM {t}").with("t", large).run();
    assertThat(a.first().getLong(0)).as("1 + 2 + 3, evaluated after b was bound").isEqualTo(6L);
    assertThat(b.first().getLong(0)).as("10 + 11 + 12").isEqualTo(33L);
  }

  @Test
  void aNameUsedTwiceAndTwoInputsJoin() {
    Dataset<Row> left = spark.range(1, 5).toDF("x");
    Dataset<Row> right = spark.range(3, 8).toDF("x");
    Dataset<Row> joined = BoundSql.of("SELECT count(*) FROM {l} JOIN {r} USING (x) WHERE x IN (SELECT x FROM {l})")
        .with("l", left).with("r", right).run();
    assertThat(joined.first().getLong(0)).as("3 and 4").isEqualTo(2L);
  }

  @Test
  void theViewsAreGoneOnceTheStatementIsAnalysed() {
    BoundSql.of("SELECT * FROM {gone}").with("gone", spark.range(1).toDF("x")).run();
    assertThat(spark.sql("SHOW TABLES LIKE 'cp_gone*'").collectAsList()).as("temporary views left behind").isEmpty();
  }

  @Test
  void aPersistedInputStaysCachedOnceItsViewIsDropped() {
    // Catalog.dropTempView would uncache the view's plan — the plan of the persisted input — and with it the cache.
    Dataset<Row> kept = spark.range(1, 4).toDF("x").persist(StorageLevel.MEMORY_AND_DISK());
    try {
      assertThat(BoundSql.of("SELECT sum(x) FROM {kept}").with("kept", kept).run().first().getLong(0)).isEqualTo(6L);
      assertThat(kept.storageLevel()).as("the input's cache after the statement").isEqualTo(StorageLevel.MEMORY_AND_DISK());
      assertThat(spark.sql("SHOW TABLES LIKE 'cp_kept*'").collectAsList()).as("its view").isEmpty();
    } finally {
      kept.unpersist();
    }
  }

  @Test
  void anUnboundOrUnusedNameIsAnError() {
    assertThatThrownBy(() -> BoundSql.of("SELECT * FROM {missing}").with("other", spark.range(1).toDF("x")).run())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no input bound to {missing}");
    assertThatThrownBy(() -> BoundSql.of("SELECT * FROM {a}").with("a", spark.range(1).toDF("x"))
        .with("b", spark.range(1).toDF("x")).run())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("inputs bound but not used: [b]");
  }
}
