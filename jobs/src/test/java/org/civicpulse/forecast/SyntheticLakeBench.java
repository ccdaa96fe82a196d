package org.civicpulse.forecast;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.schema.Schemas;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Writes the lake of issue 4's speed benchmark (not a unit test): curated service_requests for
 * {@code bench.communities} × {@code bench.categories} cells (default 500 × 20 = 10,000 series) over 156 weeks
 * from 2023-W01, so {@code forecast --lake DIR --as-of 2025-W52} has 10,000 cell series plus roll-ups.
 * Run: {@code mvn -Dtest=SyntheticLakeBench -Dbench.lake=DIR}; scripts/bench.sh forecast does.
 *
 * <p>Cell c has level 0.4 (every tenth cell: intermittent) or 1–5 requests a week, a yearly sine of relative
 * amplitude 0–0.5 and a phase, all from hashes of c; a week's count is that mean plus Gaussian noise of
 * variance mean (a Poisson stand-in), rounded and floored at 0. One request per count, on the Wednesday noon.
 */
@Tag("bench")
class SyntheticLakeBench {
  static final int WEEKS = 156;

  @Test
  void writeLake() {
    String dir = System.getProperty("bench.lake");
    Assumptions.assumeTrue(dir != null, "bench: run with -Dtest=SyntheticLakeBench -Dbench.lake=DIR");
    int communities = Integer.getInteger("bench.communities", 500);
    int categories = Integer.getInteger("bench.categories", 20);
    SparkSession spark = SharedSpark.get();
    Dataset<Row> requests = requests(spark, communities, categories);
    DeltaStore store = new DeltaStore(spark);
    store.append(requests, new Lake(Path.of(dir)).curated(Schemas.SERVICE_REQUESTS), null);
    System.out.println("bench lake: " + communities * categories + " cells, " + requests.count() + " requests in " + dir);
  }

  static Dataset<Row> requests(SparkSession spark, int communities, int categories) {
    String u = "pmod(hash(cell, %d), 10007) / 10007.0";
    Dataset<Row> cellWeeks = spark.range((long) communities * categories * WEEKS)
        .selectExpr("cast(id div " + WEEKS + " as int) as cell", "cast(id % " + WEEKS + " as int) as t")
        .selectExpr("cell", "t",
            "case when cell % 10 = 0 then 0.4 else 1 + 4 * " + u.formatted(1) + " end"
                + " * (1 + 0.5 * " + u.formatted(2) + " * sin(2 * pi() * t / 52.18 + 2 * pi() * " + u.formatted(3) + "))"
                + " as mu")
        .selectExpr("cell", "t", "cast(greatest(0, round(mu + sqrt(mu) * randn(7))) as int) as n")
        .where("n > 0");
    Dataset<Row> rows = cellWeeks.selectExpr("cell", "t", "explode(sequence(1, n)) as k");
    Map<String, String> given = Map.of(
        "request_id", "concat('b', cell, '-', t, '-', k)",
        "created_at", "to_timestamp(concat(date_add(date'2023-01-04', t * 7), ' 12:00:00'))",
        "community_id", "concat('C', cell div " + categories + ")",
        "category", "concat('k', cell % " + categories + ")",
        "channel", "'web'",
        "status", "'open'");
    List<String> columns = new ArrayList<>();
    for (StructField f : Schemas.get(Schemas.SERVICE_REQUESTS).sparkSchema().fields()) {
      String expr = given.getOrDefault(f.name(), "null");
      columns.add("cast(" + expr + " as " + f.dataType().sql() + ") as " + f.name());
    }
    return rows.selectExpr(columns.toArray(String[]::new));
  }
}
