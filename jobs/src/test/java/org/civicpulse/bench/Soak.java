package org.civicpulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.civicpulse.ingest.LandingFiles;
import org.civicpulse.ingest.ReplayPlan;
import org.civicpulse.schema.Schemas;
import org.civicpulse.testing.KafkaBroker;

/**
 * The unattended year in minutes: a broker, a running stream, a replay at a steady rate, batch ingests of the
 * same files into the same lake every few minutes, the stream stopped with TERM and restarted every few minutes,
 * SIGKILLed once and restarted, the broker restarted once (see {@link #schedule}). At the end the lake's curated tables must equal a batch-only ingest of
 * the same files (the landing source column aside: a file path on one side, a topic on the other), request_events
 * must hold no event twice, and every run must have ended with the exit code the design gives it.
 *
 * <p>{@code Soak --minutes N --dir DIR [--requests N]} (scripts/bench.sh soak); SoakIT runs the 3-minute form. Every
 * command runs through scripts/civicpulse, as cron and a supervisor run it; run from jobs/ (KafkaBroker.ROOT).
 */
public final class Soak {
  /** One command's end: what it was, the exit code it should have had and the one it had. */
  public record Exit(String what, int expected, int actual) {}

  /** What a soak did and found. */
  public record Result(double minutes, long eventsSent, List<String> faults, List<Exit> exits,
      Map<String, MartDiff.Counts> tables, long duplicateEvents) {
    public long differences() {
      return tables.values().stream().mapToLong(c -> c.onlyLeft() + c.onlyRight()).sum();
    }

    public List<Exit> wrongExits() {
      return exits.stream().filter(e -> e.expected() != e.actual()).toList();
    }

    public boolean passed() {
      return differences() == 0 && duplicateEvents == 0 && wrongExits().isEmpty();
    }

    public String summary() {
      long rows = tables.values().stream().mapToLong(MartDiff.Counts::left).sum();
      return String.format("soak minutes=%.1f events=%d faults=%d runs=%d wrong_exits=%d rows_compared=%d differences=%d"
          + " duplicate_events=%d %s", minutes, eventsSent, faults.size(), exits.size(), wrongExits().size(), rows,
          differences(), duplicateEvents, passed() ? "PASSED" : "FAILED");
    }
  }

  private static final Path SCRIPT = KafkaBroker.ROOT.resolve("scripts/civicpulse");
  private final Path dir;
  private final Duration length;
  private final int requests;
  private final List<String> faults = new ArrayList<>();
  private final List<Exit> exits = new ArrayList<>();
  private int runs;

  public Soak(Path dir, Duration length, int requests) {
    this.dir = dir;
    this.length = length;
    this.requests = requests;
  }

  public static void main(String[] args) throws Exception {
    double minutes = 10;
    Path dir = Path.of("work/soak").toAbsolutePath();
    int requests = -1;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--minutes" -> minutes = Double.parseDouble(args[i + 1]);
        case "--dir" -> dir = Path.of(args[i + 1]).toAbsolutePath();
        case "--requests" -> requests = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("usage: Soak --minutes N --dir DIR [--requests N]");
      }
    }
    // About 700 requests a minute of run keep the replay going for 70 % of it at ~40 events/s.
    Result r = new Soak(dir, Duration.ofSeconds((long) (minutes * 60)), requests > 0 ? requests : (int) (700 * minutes)).run();
    r.faults().forEach(f -> System.out.println("fault: " + f));
    r.wrongExits().forEach(e -> System.out.println("wrong exit: " + e));
    r.tables().forEach((t, c) -> System.out.println("table " + t + " " + c));
    System.out.println(r.summary());
    System.exit(r.passed() ? 0 : 1);
  }

  public Result run() throws Exception {
    Instant start = Instant.now();
    Files.createDirectories(dir);
    Path landing = dir.resolve("landing");
    Path lake = dir.resolve("lake");
    Path batchLake = dir.resolve("batch-lake");
    Path checkpoint = dir.resolve("checkpoint");
    expect("generate", 0, call(List.of("generate", "--out", landing.toString(), "--requests", Integer.toString(requests),
        "--communities", "4", "--start", "2025-01-01", "--end", "2025-03-31", "--malformed-share", "0")));
    expect("ingest (batch-only lake)", 0, call(List.of("ingest", "--landing", landing.toString(), "--lake",
        batchLake.toString(), "--dev-key")));
    expect("ingest references", 0, call(List.of("ingest", "--lake", lake.toString(), "--dev-key",
        "--communities", landing.resolve("communities.csv").toString(), "--categories", landing.resolve("categories.csv").toString())));
    long sent;
    try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"), 2)) {
      Map<String, String> topics = broker.datasetTopics("soak", 2);
      List<String> topicSets = topicSets(topics);
      List<String> streamArgs = new ArrayList<>(List.of("stream", "--lake", lake.toString(), "--bootstrap",
          broker.bootstrap(), "--checkpoint", checkpoint.toString(), "--dev-key", "--set", "stream.trigger_seconds=2",
          "--set", "spark.shuffle_partitions=2"));
      streamArgs.addAll(topicSets);
      long events = countEvents(landing);
      double rate = Math.max(5, events / (length.toSeconds() * 0.7));
      List<String> replayArgs = new ArrayList<>(List.of("replay", "--bootstrap", broker.bootstrap()));
      replayArgs.addAll(facts(landing));
      replayArgs.addAll(List.of("--rate", String.format(java.util.Locale.ROOT, "%.0f", rate)));
      replayArgs.addAll(topicSets);

      Process stream = start(streamArgs);
      Process replay = start(replayArgs);
      Instant t0 = Instant.now();
      List<String> ingest = new ArrayList<>(List.of("ingest", "--lake", lake.toString(), "--dev-key"));
      ingest.addAll(facts(landing));
      for (Fault f : schedule(length)) {
        at(t0, f.share());
        fault(f.kind().what);
        switch (f.kind()) {
          case INGEST -> expect("ingest beside the stream", 0, call(ingest));
          case TERM -> {
            stream.destroy();
            expect("stream stopped by TERM", 0, waitFor(stream));
            stream = start(streamArgs);
          }
          case BROKER -> {
            broker.stop();
            Thread.sleep(5_000);
            broker.restart();
          }
          case KILL -> {
            stream.toHandle().children().forEach(ProcessHandle::destroyForcibly);
            expect("stream killed by SIGKILL", 137, waitFor(stream));
            stream = start(streamArgs);
          }
          default -> throw new IllegalStateException(f.toString());
        }
      }
      expect("replay", 0, waitFor(replay));
      sent = events;
      stream.destroy();
      expect("stream stopped by TERM at the end", 0, waitFor(stream));
      List<String> drain = new ArrayList<>(streamArgs);
      drain.add("--available-now");
      expect("stream --available-now (drain)", 0, call(drain));
    }
    return new Result(Duration.between(start, Instant.now()).toSeconds() / 60.0, sent, faults, exits, compare(lake, batchLake),
        duplicates(lake));
  }

  /** The faults a soak injects. */
  enum Kind {
    INGEST("batch ingest of the same files beside the stream"),
    TERM("stream stopped with TERM to its launcher, restarted"),
    BROKER("broker stopped and started again"),
    KILL("stream JVM killed with SIGKILL, restarted (its checkpoint lock is taken over)");

    final String what;

    Kind(String what) {
      this.what = what;
    }
  }

  /** One fault at a share of the run's length. */
  record Fault(double share, Kind kind) {}

  /**
   * The run cut into 3-minute segments (at least one); in each, a batch ingest at 20 %, a TERM at 30 % and a batch
   * ingest at 85 %; in the middle segment also the broker restart at 45 %, a batch ingest at 55 % and the SIGKILL at
   * 65 %. A 3-minute run is one segment: ingest, TERM, broker, ingest, SIGKILL, ingest.
   */
  static List<Fault> schedule(Duration length) {
    int n = (int) Math.max(1, Math.round(length.toSeconds() / 180.0));
    List<Fault> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      double from = (double) k / n;
      double width = 1.0 / n;
      out.add(new Fault(from + 0.20 * width, Kind.INGEST));
      out.add(new Fault(from + 0.30 * width, Kind.TERM));
      if (k == n / 2) {
        out.add(new Fault(from + 0.45 * width, Kind.BROKER));
        out.add(new Fault(from + 0.55 * width, Kind.INGEST));
        out.add(new Fault(from + 0.65 * width, Kind.KILL));
      }
      out.add(new Fault(from + 0.85 * width, Kind.INGEST));
    }
    return out;
  }

  private static List<String> topicSets(Map<String, String> topics) {
    return List.of("--set", "stream.topic.requests=" + topics.get(Schemas.SERVICE_REQUESTS),
        "--set", "stream.topic.feedback=" + topics.get(Schemas.FEEDBACK),
        "--set", "stream.topic.participation=" + topics.get(Schemas.PARTICIPATION),
        "--set", "stream.topic.alerts=soak.alerts");
  }

  /** The three fact datasets' options, each naming its one generated file. */
  private static List<String> facts(Path landing) {
    List<String> out = new ArrayList<>();
    for (String[] d : new String[][] {{"--requests", "requests"}, {"--feedback", "feedback"}, {"--participation", "participation"}}) {
      out.add(d[0]);
      out.add(files(landing, d[1]).get(0).toString());
    }
    return out;
  }

  private static List<Path> files(Path landing, String prefix) {
    List<Path> found = LandingFiles.inLanding(landing, prefix);
    if (found.size() != 1) {
      throw new IllegalStateException("expected one " + prefix + " file in " + landing + ", found " + found);
    }
    return found;
  }

  /** How many events replay sends for the landing files: its own plan, built here without a broker. */
  private static long countEvents(Path landing) {
    Map<String, List<Path>> files = new LinkedHashMap<>();
    files.put(Schemas.SERVICE_REQUESTS, files(landing, "requests"));
    files.put(Schemas.FEEDBACK, files(landing, "feedback"));
    files.put(Schemas.PARTICIPATION, files(landing, "participation"));
    return ReplayPlan.build(files, java.time.ZoneId.of("Asia/Shanghai")).size();
  }

  private void fault(String what) {
    faults.add(what);
    System.err.println("[soak] " + what);
  }

  private void expect(String what, int expected, int actual) {
    exits.add(new Exit(what, expected, actual));
    System.err.println("[soak] " + what + ": exit " + actual + (actual == expected ? "" : " (expected " + expected + ")"));
  }

  private void at(Instant t0, double share) throws InterruptedException {
    long wait = t0.plusMillis((long) (length.toMillis() * share)).toEpochMilli() - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  private Process start(List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(SCRIPT.toString()));
    cmd.addAll(args);
    Path log = dir.resolve("logs").resolve(String.format("%02d-%s.log", ++runs, args.get(0)));
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("CIVICPULSE_LOG_DIR", "off");
    return pb.start();
  }

  private int call(List<String> args) throws Exception {
    return waitFor(start(args));
  }

  private static int waitFor(Process p) throws InterruptedException {
    if (!p.waitFor(20, TimeUnit.MINUTES)) {
      p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  /**
   * The request state columns of a request_events row: the stream's events carry the state as of each event
   * (replay plans it), batch ingest's the state of the record it derived them from (docs/streaming.md, "Batch and
   * stream on one lake"), so events are compared by what identifies and places them, states in service_requests.
   */
  static final Set<String> EVENT_STATE = Set.of("status", "acknowledged_at", "closed_at", "provider_id", "provider_type",
      "priority", "reopened_count");

  /** Every curated table of the soak lake against the batch-only lake, the landing source column left out. */
  private static Map<String, MartDiff.Counts> compare(Path lake, Path batchLake) throws SQLException {
    Map<String, MartDiff.Counts> out = new LinkedHashMap<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      for (String t : List.of(Schemas.COMMUNITIES, Schemas.CATEGORIES, Schemas.SERVICE_REQUESTS, Schemas.REQUEST_EVENTS,
          Schemas.FEEDBACK, Schemas.PARTICIPATION)) {
        Set<String> ignore = new java.util.HashSet<>(Set.of("source"));
        if (t.equals(Schemas.REQUEST_EVENTS)) {
          ignore.addAll(EVENT_STATE);
        }
        out.put(t, MartDiff.compare(duck, lake, batchLake, "curated/" + t, "", ignore));
      }
    }
    return out;
  }

  /** Rows of request_events beyond the first of their event_id. */
  private static long duplicates(Path lake) throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
      List<Path> files = DeltaFiles.active(lake.resolve("curated").resolve(Schemas.REQUEST_EVENTS), duck);
      String scan = "read_parquet([" + String.join(", ", files.stream().map(p -> "'" + p + "'").toList()) + "])";
      try (ResultSet rs = s.executeQuery("SELECT count(*) - count(DISTINCT event_id) FROM " + scan)) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
