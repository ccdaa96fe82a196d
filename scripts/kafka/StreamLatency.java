import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * End-to-end latency of the stream, for scripts/bench.sh (java source-file mode with the broker's jars, like
 * KafkaTopics.java): per Kafka record, the time from its producer timestamp (CreateTime, set by replay's send) to
 * the commit of the request_events Delta version that made it visible. Which batch read a record comes from the
 * checkpoint (offsets/N = the end offsets of batch N); which Delta version holds batch N from its txn action
 * (appId civicpulse-stream-…, version N), and the version's time from its commitInfo.
 * Usage:
 *   StreamLatency.java wait BOOTSTRAP TOPIC CHECKPOINT TIMEOUT_S  — until a committed batch ends at the topic's end
 *   StreamLatency.java measure BOOTSTRAP TOPIC CHECKPOINT TABLE   — prints `latency records=N p50=S p95=S max=S`
 */
public final class StreamLatency {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    String bootstrap = args[1];
    String topic = args[2];
    Path cp = Path.of(args[3]);
    if (args[0].equals("wait")) {
      long deadline = System.currentTimeMillis() + Long.parseLong(args[4]) * 1000;
      Map<Integer, Long> end = endOffsets(bootstrap, topic);
      while (!end.equals(committedEnd(cp, topic))) {
        if (System.currentTimeMillis() > deadline) {
          System.err.println("stream-latency: the stream did not reach " + end + " in time");
          System.exit(1);
        }
        Thread.sleep(500);
      }
      return;
    }
    measure(bootstrap, topic, cp, Path.of(args[4]));
  }

  private static void measure(String bootstrap, String topic, Path cp, Path table) throws Exception {
    Map<Long, Long> visibleAt = commitTimeByBatch(table.resolve("_delta_log"));
    TreeMap<Long, Map<Integer, Long>> ends = batchEnds(cp, topic);
    List<long[]> sentAndSeen = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
      List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
          Long batch = batchOf(ends, r.partition(), r.offset());
          Long at = batch == null ? null : visibleAt.get(batch);
          if (at != null) {
            sentAndSeen.add(new long[] {r.timestamp(), at});
          }
        }
      }
    }
    List<Double> seconds = sentAndSeen.stream().map(x -> (x[1] - x[0]) / 1000.0).sorted().toList();
    System.out.printf("latency records=%d p50=%.1f p95=%.1f max=%.1f batches=%d%n", seconds.size(),
        percentile(seconds, 0.5), percentile(seconds, 0.95), seconds.isEmpty() ? Double.NaN : seconds.get(seconds.size() - 1),
        visibleAt.size());
    // The same after the stream's first minute of load: its first batches also warm up the JVM (JIT) and Spark's
    // code paths, which a long-running stream does once; this is the latency it then keeps.
    long first = sentAndSeen.stream().mapToLong(x -> x[0]).min().orElse(0);
    List<Double> steady = sentAndSeen.stream().filter(x -> x[0] >= first + STEADY_AFTER_MILLIS)
        .map(x -> (x[1] - x[0]) / 1000.0).sorted().toList();
    // Whether the stream kept up: every event from the first send to the last commit, per second.
    long lastSeen = sentAndSeen.stream().mapToLong(x -> x[1]).max().orElse(first);
    System.out.printf("into the lake: %d events from the first send to the last commit in %.1f s = %.0f events/s%n",
        sentAndSeen.size(), (lastSeen - first) / 1000.0, sentAndSeen.size() * 1000.0 / Math.max(1, lastSeen - first));
    System.out.printf("after the first %d s: records=%d p50=%.1f p95=%.1f%n", STEADY_AFTER_MILLIS / 1000, steady.size(),
        percentile(steady, 0.5), percentile(steady, 0.95));
  }

  private static final long STEADY_AFTER_MILLIS = 60_000;

  /** The first batch whose end offset on the partition is above the offset. */
  private static Long batchOf(TreeMap<Long, Map<Integer, Long>> ends, int partition, long offset) {
    for (Map.Entry<Long, Map<Integer, Long>> e : ends.entrySet()) {
      if (offset < e.getValue().getOrDefault(partition, 0L)) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Exact percentile, linear interpolation between closest ranks (as docs/metrics.md). */
  private static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    double h = (sorted.size() - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.size() - 1);
    return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
  }

  /** Batch id → commit time (ms) of the Delta version carrying the stream's txn for it. */
  private static Map<Long, Long> commitTimeByBatch(Path log) throws Exception {
    Map<Long, Long> out = new HashMap<>();
    try (Stream<Path> files = Files.list(log)) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("\\d{20}\\.json")).toList()) {
        Long batch = null;
        Long time = null;
        for (String line : Files.readAllLines(f)) {
          JsonNode n = JSON.readTree(line);
          if (n.has("txn") && n.get("txn").get("appId").asText().startsWith("civicpulse-stream-")) {
            batch = n.get("txn").get("version").asLong();
          }
          if (n.has("commitInfo")) {
            time = n.get("commitInfo").get("timestamp").asLong();
          }
        }
        if (batch != null && time != null) {
          out.put(batch, time);
        }
      }
    }
    return out;
  }

  /** Batch id → end offset per partition of the topic, from the checkpoint's offsets/N files. */
  private static TreeMap<Long, Map<Integer, Long>> batchEnds(Path cp, String topic) throws Exception {
    TreeMap<Long, Map<Integer, Long>> out = new TreeMap<>();
    Path dir = cp.resolve("offsets");
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        List<String> lines = Files.readAllLines(f);
        JsonNode offsets = JSON.readTree(lines.get(lines.size() - 1)).get(topic);
        if (offsets != null) {
          Map<Integer, Long> m = new HashMap<>();
          offsets.properties().forEach(e -> m.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
          out.put(Long.parseLong(f.getFileName().toString()), m);
        }
      }
    }
    return out;
  }

  /** The end offsets of the last batch the checkpoint marks done (commits/N), or empty. */
  private static Map<Integer, Long> committedEnd(Path cp, String topic) throws Exception {
    TreeMap<Long, Map<Integer, Long>> ends = batchEnds(cp, topic);
    Path commits = cp.resolve("commits");
    for (Long batch : ends.descendingKeySet()) {
      if (Files.exists(commits.resolve(String.valueOf(batch)))) {
        return ends.get(batch);
      }
    }
    return Map.of();
  }

  private static Map<Integer, Long> endOffsets(String bootstrap, String topic) {
    try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
      List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
      Map<Integer, Long> out = new HashMap<>();
      c.endOffsets(parts).forEach((tp, o) -> out.put(tp.partition(), o));
      return out;
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }
}
