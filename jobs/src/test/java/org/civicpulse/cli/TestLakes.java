package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.lake.Lake;
import org.civicpulse.testing.SharedSpark;

/** Test helper: a small generated lake ingested through the CLI, and the check that two lakes' marts are equal. */
final class TestLakes {
  private TestLakes() {}

  /** Generates {@code requests} requests into tmp/landing, writes tmp/civicpulse.properties and ingests them into lake. */
  static Path ingested(Path tmp, Lake lake, int requests, int communities, String start, String end, int seed) throws Exception {
    Path landing = tmp.resolve("landing");
    Files.writeString(tmp.resolve("civicpulse.properties"), "timezone = Asia/Shanghai\nspark.shuffle_partitions = 2\n");
    assertThat(CivicPulseCommand.execute(new String[] {"generate", "--out", landing.toString(), "--requests",
        Integer.toString(requests), "--communities", Integer.toString(communities), "--start", start, "--end", end,
        "--seed", Integer.toString(seed)})).isZero();
    assertThat(CivicPulseCommand.execute(new String[] {"ingest", "--landing", landing.toString(), "--lake",
        lake.root().toString(), "--config", tmp.resolve("civicpulse.properties").toString(), "--dev-key"})).isZero();
    return landing;
  }

  /** Each mart has the same schema and the same rows, counted with duplicates, in both lakes. */
  static void assertSameMarts(Lake expected, Lake actual, List<String> marts) {
    SparkSession spark = SharedSpark.get();
    for (String mart : marts) {
      Dataset<Row> a = spark.read().format("delta").load(expected.mart(mart).toString());
      Dataset<Row> b = spark.read().format("delta").load(actual.mart(mart).toString());
      assertThat(b.schema()).as(mart).isEqualTo(a.schema());
      assertThat(b.count()).as(mart + " rows").isEqualTo(a.count());
      assertThat(a.exceptAll(b).count() + b.exceptAll(a).count()).as(mart + ": rows in one lake only").isZero();
    }
  }
}
