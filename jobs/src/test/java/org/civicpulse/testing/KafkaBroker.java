package org.civicpulse.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.civicpulse.schema.Schemas;

/**
 * A real Kafka broker process for a test class: started with scripts/kafka.sh (KRaft, loopback, the jars of
 * work/kafka/libs, built by the script when missing) on free ports with its own folder, stopped by close().
 * Skips the calling tests, saying why, only when the broker jars cannot be had (no network and nothing cached).
 */
public final class KafkaBroker implements AutoCloseable {
  /** The project root: surefire runs in jobs/. */
  public static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private final Path dir;
  private final int port;
  private final int controller;
  private final int partitions;

  private KafkaBroker(Path dir, int port, int controller, int partitions) {
    this.dir = dir;
    this.port = port;
    this.controller = controller;
    this.partitions = partitions;
  }

  public static KafkaBroker start(Path dir, int partitions) throws IOException, InterruptedException {
    int port = freePort();
    int controller = freePort();
    Path libs = ROOT.resolve("work/kafka/libs");
    String out = startOn(dir, port, controller, partitions);
    boolean haveLibs;
    try (var files = Files.list(libs)) {
      haveLibs = files.anyMatch(p -> p.getFileName().toString().startsWith("kafka_2.13-"));
    } catch (IOException e) {
      haveLibs = false;
    }
    RequiredTool.require(haveLibs, "Kafka broker jars missing in " + libs
        + " and scripts/kafka/pom.xml could not resolve them (offline?): " + out);
    if (!out.contains("kafka: started")) {
      throw new IllegalStateException("broker did not start: " + out);
    }
    return new KafkaBroker(dir, port, controller, partitions);
  }

  private static String startOn(Path dir, int port, int controller, int partitions)
      throws IOException, InterruptedException {
    return run("start", "--dir", dir.toString(), "--port", String.valueOf(port),
        "--controller-port", String.valueOf(controller), "--partitions", String.valueOf(partitions));
  }

  /** Stops the broker process (SIGTERM, as scripts/kafka.sh stop does); its log folder stays for restart(). */
  public void stop() throws IOException, InterruptedException {
    String out = run("stop", "--dir", dir.toString());
    if (!out.contains("kafka: stopped")) {
      throw new IllegalStateException("broker did not stop: " + out);
    }
  }

  /** Starts the broker again on the same folder (topics and their records kept) and the same ports. */
  public void restart() throws IOException, InterruptedException {
    String out = startOn(dir, port, controller, partitions);
    if (!out.contains("kafka: started")) {
      throw new IllegalStateException("broker did not restart: " + out);
    }
  }

  public String bootstrap() {
    return "127.0.0.1:" + port;
  }

  /**
   * Creates a test's own topics prefix.requests, prefix.feedback, prefix.participation and prefix.alerts, and
   * returns dataset → topic for the first three (as StreamSettings takes them).
   */
  public Map<String, String> datasetTopics(String prefix, int partitionsEach) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, (Object) bootstrap()))) {
      List<String> names = Stream.of("requests", "feedback", "participation", "alerts").map(t -> prefix + "." + t).toList();
      admin.createTopics(names.stream().map(n -> new NewTopic(n, partitionsEach, (short) 1)).toList()).all().get();
      // createTopics returns before every partition has a leader; a send in that gap met NOT_LEADER_OR_FOLLOWER,
      // then out-of-order sequence numbers, until its records expired (seen once on a loaded machine). The
      // metadata can name a leader before that broker serves the partition (seen once more), so the wait ends
      // only when the leader answers a request of its own for every partition: its latest offset.
      long deadline = System.currentTimeMillis() + 60_000;
      while (!(allLed(admin, names) && allServed(admin, names, partitionsEach))
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
    }
    return Map.of(Schemas.SERVICE_REQUESTS, prefix + ".requests", Schemas.FEEDBACK, prefix + ".feedback",
        Schemas.PARTICIPATION, prefix + ".participation");
  }

  private static boolean allLed(Admin admin, List<String> topics) {
    try {
      return admin.describeTopics(topics).allTopicNames().get().values().stream()
          .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
    } catch (Exception e) {
      return false; // not described yet: ask again
    }
  }

  private static boolean allServed(Admin admin, List<String> topics, int partitionsEach) {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    topics.forEach(t -> IntStream.range(0, partitionsEach)
        .forEach(p -> latest.put(new TopicPartition(t, p), OffsetSpec.latest())));
    try {
      admin.listOffsets(latest).all().get();
      return true;
    } catch (Exception e) {
      return false; // a partition not served yet: ask again
    }
  }

  /** Stops the broker (the pid in its own pid file only). */
  @Override
  public void close() throws IOException, InterruptedException {
    run("stop", "--dir", dir.toString());
  }

  private static String run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of(ROOT.resolve("scripts/kafka.sh").toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroy();
    }
    return out.strip();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
