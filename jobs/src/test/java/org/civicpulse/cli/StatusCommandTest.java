package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.schema.Marts;
import org.civicpulse.schema.Schemas;
import org.civicpulse.schema.TableSchema;
import org.civicpulse.testing.KafkaBroker;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * status on a real Delta lake and a real broker: service_requests and request_events whose newest row is 3 hours old,
 * kpis_daily up to 2 days ago (its end: yesterday 00:00 UTC), forecasts as of 2025-W52, a stream checkpoint 3 of
 * 5 records into its one partition.
 */
class StatusCommandTest {
  @TempDir Path tmp;

  @Test
  void reportsEachTablesReachAndTheCheckpointsLagAndFailsPastAThreshold() throws Exception {
    SparkSession spark = SharedSpark.get();
    DeltaStore store = new DeltaStore(spark);
    Lake lake = new Lake(tmp.resolve("lake"));
    Instant newest = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.HOURS);
    for (String table : List.of(Schemas.SERVICE_REQUESTS, Schemas.REQUEST_EVENTS)) {
      store.append(spark.createDataFrame(List.of(row(table, newest.minus(30, ChronoUnit.HOURS)), row(table, newest)),
          Schemas.get(table).sparkSchema()), lake.curated(table), null);
    }
    java.time.LocalDate twoDaysAgo = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2);
    store.append(spark.createDataFrame(List.of(RowFactory.create(Date.valueOf(twoDaysAgo)),
        RowFactory.create(Date.valueOf(twoDaysAgo.minusDays(1)))), new StructType().add("date", DataTypes.DateType)),
        lake.mart(Marts.KPIS_DAILY), null);
    store.append(spark.createDataFrame(List.of(RowFactory.create("2025-W52"), RowFactory.create("2025-W51")),
        new StructType().add("as_of_week", DataTypes.StringType)), lake.mart(Marts.FORECASTS), null);

    try (KafkaBroker broker = KafkaBroker.start(tmp.resolve("broker"), 1)) {
      String topic = broker.datasetTopics("status", 1).get(Schemas.SERVICE_REQUESTS);
      send(broker.bootstrap(), topic, 5);
      Path checkpoint = checkpoint(tmp.resolve("cp"), topic, 3);

      JsonNode ok = status(0, lake, "--checkpoint", checkpoint.toString(), "--bootstrap", broker.bootstrap(),
          "--set", "status.max_age_hours=72");
      assertThat(ok.path("problems").size()).as(ok.path("problems").toString()).isZero();
      assertThat(reach(ok, "curated/service_requests")).isEqualTo(newest.toString());
      assertThat(reach(ok, "marts/kpis_daily")).as("the end of its newest date")
          .isEqualTo(twoDaysAgo.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toString());
      assertThat(reach(ok, "marts/forecasts")).as("the end of 2025-W52, Sunday 12-28").isEqualTo("2025-12-29T00:00:00Z");
      JsonNode cp = ok.path("checkpoints").get(0);
      assertThat(cp.path("last_batch").asLong()).isEqualTo(1);
      assertThat(cp.path("partitions").get(0).path("committed").asLong()).isEqualTo(3);
      assertThat(cp.path("partitions").get(0).path("end").asLong()).isEqualTo(5);
      assertThat(cp.path("max_lag").asLong()).isEqualTo(2);

      assertThat(ok.path("lock").isNull()).as("no lock file: free").isTrue();

      // A lock held by this (live) JVM, as a running batch command would hold it.
      long pid = ProcessHandle.current().pid();
      Files.writeString(lake.lockFile(), java.net.InetAddress.getLocalHost().getHostName() + " " + pid + " 2026-03-02T11:58:00Z");
      JsonNode late = status(1, lake, "--checkpoint", checkpoint.toString(), "--bootstrap", broker.bootstrap(),
          "--set", "status.max_age_hours=24", "--set", "status.max_lag=1");
      assertThat(late.path("problems").toString()).contains("marts/kpis_daily is", "(status.max_age_hours=24)",
          "is 2 records behind (status.max_lag=1)").doesNotContain("curated/service_requests is");
      assertThat(late.path("lock").path("pid").asLong()).isEqualTo(pid);
      assertThat(late.path("lock").path("alive").asBoolean()).isTrue();
    }
  }

  private JsonNode status(int code, Lake lake, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("status", "--lake", lake.root().toString(), "--json", "--set", "timezone=UTC"));
    args.addAll(List.of(more));
    return new ObjectMapper().readTree(CliOut.run(code, args.toArray(new String[0])));
  }

  private static String reach(JsonNode status, String table) {
    for (JsonNode t : status.path("tables")) {
      if (t.path("table").asText().equals(table)) {
        return t.path("newest").asText();
      }
    }
    throw new AssertionError("no table " + table + " in " + status.path("tables"));
  }

  /** A checkpoint whose last committed batch (1) reached offset {@code at} of the topic's partition 0. */
  private static Path checkpoint(Path dir, String topic, long at) throws Exception {
    Files.createDirectories(dir.resolve("commits"));
    Files.createDirectories(dir.resolve("offsets"));
    for (int b = 0; b <= 1; b++) {
      Files.writeString(dir.resolve("commits").resolve(Integer.toString(b)), "v1\n{\"nextBatchWatermarkMs\":0}");
      Files.writeString(dir.resolve("offsets").resolve(Integer.toString(b)), "v1\n{\"batchWatermarkMs\":0}\n{\""
          + topic + "\":{\"0\":" + (b == 0 ? 1 : at) + "}}");
    }
    return dir;
  }

  private static void send(String bootstrap, String topic, int n) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < n; i++) {
        producer.send(new ProducerRecord<>(topic, "k" + i, "{}")).get();
      }
    }
  }

  /** A row of a curated table with its time field at t and placeholders in the other required fields. */
  private static Row row(String table, Instant created) {
    TableSchema s = Schemas.get(table);
    Object[] v = new Object[s.sparkSchema().size()];
    var fields = s.sparkSchema().fields();
    for (int i = 0; i < v.length; i++) {
      if (!fields[i].nullable()) {
        v[i] = fields[i].dataType() instanceof org.apache.spark.sql.types.TimestampType ? Timestamp.from(created)
            : fields[i].dataType() instanceof org.apache.spark.sql.types.IntegerType ? (Object) 0
            : fields[i].dataType() instanceof org.apache.spark.sql.types.DoubleType ? (Object) 0.0 : "x";
      }
    }
    v[s.fieldNames().indexOf(s.timeField())] = Timestamp.from(created);
    return RowFactory.create(v);
  }

}
