package org.civicpulse.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * A stream checkpoint as status reports it: its last committed batch, when that was, the offset it reached in
 * each topic partition (Spark's offset log for that batch) and, when a broker answers, how many records each
 * partition holds beyond it.
 */
public final class CheckpointLag {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CheckpointLag() {}

  /** One topic partition: the offset the last committed batch reached, the broker's end offset and the difference. */
  public record Partition(String topic, int partition, long committed, Long end, Long lag) {}

  /** A checkpoint's state; lastBatch null when no batch was ever committed; brokerError set when lag is unknown. */
  public record State(Path checkpoint, Long lastBatch, Instant committedAt, List<Partition> partitions, String brokerError) {
    /** The largest lag over the partitions, or null when unknown. */
    public Long maxLag() {
      Long max = null;
      for (Partition p : partitions) {
        if (p.lag() == null) {
          return null;
        }
        max = max == null ? p.lag() : Math.max(max, p.lag());
      }
      return max;
    }
  }

  /** What the checkpoint's files say, without a broker. */
  public static State read(Path checkpoint) throws IOException {
    Long last = lastBatch(checkpoint.resolve("commits"));
    if (last == null) {
      return new State(checkpoint, null, null, List.of(), null);
    }
    Instant at = Files.getLastModifiedTime(checkpoint.resolve("commits").resolve(last.toString())).toInstant();
    return new State(checkpoint, last, at, committed(checkpoint.resolve("offsets").resolve(last.toString())), null);
  }

  /** The state with each partition's end offset and lag from the broker; on no answer within timeout, brokerError. */
  public static State withLag(State s, String bootstrap, Duration timeout) {
    if (s.partitions().isEmpty()) {
      return s;
    }
    // A broker that is down is one problem line of status, not a WARN per reconnect attempt.
    org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.kafka.clients.NetworkClient",
        org.apache.logging.log4j.Level.ERROR);
    Map<String, Object> conf = new HashMap<>();
    conf.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    conf.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    conf.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    try (Admin admin = Admin.create(conf)) {
      Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
      s.partitions().forEach(p -> ask.put(new TopicPartition(p.topic(), p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin.listOffsets(ask).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<Partition> out = new ArrayList<>();
      for (Partition p : s.partitions()) {
        long end = ends.get(new TopicPartition(p.topic(), p.partition())).offset();
        out.add(new Partition(p.topic(), p.partition(), p.committed(), end, Math.max(0, end - p.committed())));
      }
      return new State(s.checkpoint(), s.lastBatch(), s.committedAt(), out, null);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return new State(s.checkpoint(), s.lastBatch(), s.committedAt(), s.partitions(),
          "broker " + bootstrap + " did not answer: " + cause.getClass().getSimpleName()
              + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
    }
  }

  private static Long lastBatch(Path commits) throws IOException {
    if (!Files.isDirectory(commits)) {
      return null;
    }
    Long last = null;
    try (var files = Files.list(commits)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String n = f.getFileName().toString();
        if (n.matches("\\d+")) {
          last = last == null ? Long.parseLong(n) : Math.max(last, Long.parseLong(n));
        }
      }
    }
    return last;
  }

  /** The offsets of a batch: after "v1" and the batch metadata, one JSON line per source, topic → partition → offset. */
  static List<Partition> committed(Path offsets) throws IOException {
    List<String> lines = Files.readAllLines(offsets, StandardCharsets.UTF_8);
    List<Partition> out = new ArrayList<>();
    for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
      JsonNode source = line.isBlank() || !line.startsWith("{") ? null : JSON.readTree(line);
      for (Iterator<Map.Entry<String, JsonNode>> t = source == null ? java.util.Collections.emptyIterator() : source.fields();
          t.hasNext(); ) {
        Map.Entry<String, JsonNode> topic = t.next();
        topic.getValue().fields().forEachRemaining(p ->
            out.add(new Partition(topic.getKey(), Integer.parseInt(p.getKey()), p.getValue().asLong(), null, null)));
      }
    }
    out.sort(java.util.Comparator.comparing(Partition::topic).thenComparing(Partition::partition));
    return out;
  }
}
