package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.lake.Lake;
import org.civicpulse.schema.Marts;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar under spark-submit on a real standalone cluster (scripts/local-cluster.sh: a master and two
 * one-core workers) writes the same marts, row for row, as the same dashboard run in local mode.
 *
 * <p>An integration test (failsafe, after package): it needs the shaded jar, which exists only after package. The
 * local-mode run is in this JVM (SharedSpark, local[2]) rather than a second spark-submit: the code is the same
 * classes, and one JVM and Spark start fewer matters on two cores (the class took 168-308 s here, at load 6-17).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterIT {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path SCRIPT = ROOT.resolve("scripts/local-cluster.sh");
  static final Path JAR = ROOT.resolve("jobs/target/civicpulse-jobs-0.1.0.jar");
  // A short fixed range inside the generated data, late enough that the score windows have history.
  static final String FROM = "2025-03-08";
  static final String TO = "2025-03-14";
  // Short JVMs do better without the C2 compiler: measured on this run under load ~15, driver + executors CPU
  // 175 s -> 80 s and wall 295 s -> 96 s. C1 alone defaults to a 48 MB code cache, which Spark's generated code
  // can fill (then the JVM stops compiling and crawls): hence the usual 240 MB.
  static final String C1_ONLY = "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m";

  @TempDir static Path tmp;
  static Path clusterDir;
  static int port;
  static int webuiPort;

  @BeforeAll
  static void startCluster() throws Exception {
    SharedSpark.get();
    clusterDir = tmp.resolve("cluster");
    port = freePort();
    webuiPort = freePort();
    Result r = cluster("start");
    assertThat(r.code).as(r.output).isZero();
    assertThat(r.output).contains("local-cluster running master=spark://127.0.0.1:" + port, "workers=2/2");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (clusterDir != null) {
      cluster("stop");
      // The jars are symlinks into ~/.m2: removed here, quietly (@TempDir's cleanup warns once per link).
      Path jars = clusterDir.resolve("spark/jars");
      if (Files.isDirectory(jars)) {
        try (Stream<Path> s = Files.list(jars)) {
          for (Path link : s.toList()) {
            Files.delete(link);
          }
        }
      }
    }
  }

  @Test
  void dashboardOnTheStandaloneClusterEqualsLocalModeRowForRow() throws Exception {
    Path landing = tmp.resolve("landing");
    Path config = tmp.resolve("civicpulse.properties");
    // Same settings for both runs, independent of the repository's conf/: 2 shuffle partitions suit this size.
    Files.writeString(config, "timezone = Asia/Shanghai\nspark.shuffle_partitions = 2\n");
    Lake local = new Lake(tmp.resolve("lake-local"));
    Lake onCluster = new Lake(tmp.resolve("lake-cluster"));
    assertThat(CivicPulseCommand.execute(new String[] {"generate", "--out", landing.toString(), "--requests", "2500",
        "--communities", "4", "--start", "2025-01-01", "--end", TO, "--seed", "7"})).isZero();
    assertThat(CivicPulseCommand.execute(new String[] {"ingest", "--landing", landing.toString(), "--lake",
        local.root().toString(), "--config", config.toString(), "--dev-key"})).isZero();
    // Both runs start from the same curated files.
    copyTree(local.root(), onCluster.root());

    assertThat(CivicPulseCommand.execute(new String[] {"dashboard", "--from", FROM, "--to", TO, "--lake",
        local.root().toString(), "--config", config.toString()})).isZero();

    Path submitLog = tmp.resolve("spark-submit.log");
    ProcessBuilder submit = new ProcessBuilder(ROOT.resolve("scripts/spark-submit").toString(),
        "--master", "spark://127.0.0.1:" + port, "--deploy-mode", "client",
        "--driver-memory", "1g", "--executor-memory", "1g", "--total-executor-cores", "2",
        "--conf", "spark.executor.cores=1", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.executor.extraJavaOptions=" + C1_ONLY,
        "--class", "org.civicpulse.Main", JAR.toString(),
        "dashboard", "--from", FROM, "--to", TO, "--lake", onCluster.root().toString(), "--config", config.toString())
        .redirectErrorStream(true).redirectOutput(submitLog.toFile());
    // The driver runs from the very jars the workers run (the cluster's SPARK_HOME), not a second resolution.
    submit.environment().put("SPARK_JARS_DIR", clusterDir.resolve("spark/jars").toString());
    submit.environment().put("SPARK_SUBMIT_OPTS", C1_ONLY);
    long t0 = System.nanoTime();
    int code = run(submit, 6);
    System.out.printf("cluster dashboard: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    String log = Files.readString(submitLog);
    assertThat(code).as(log).isZero();
    assertThat(log).contains("dashboard from=" + FROM + " to=" + TO);
    // Each worker launched an executor for this application: the run really was distributed.
    for (String w : List.of("worker-1", "worker-2")) {
      assertThat(executorLogs(clusterDir.resolve("work").resolve(w))).as(w + " executor logs").isNotEmpty();
    }

    SparkSession spark = SharedSpark.get();
    for (String mart : Marts.DAILY) {
      Dataset<Row> a = spark.read().format("delta").load(local.mart(mart).toString());
      Dataset<Row> b = spark.read().format("delta").load(onCluster.mart(mart).toString());
      long na = a.count();
      long nb = b.count();
      System.out.printf("mart %-20s local=%d cluster=%d%n", mart, na, nb);
      assertThat(b.schema()).as(mart).isEqualTo(a.schema());
      // equity_categories explains flagged communities only; the fixture's lake may have none.
      if (!mart.equals(Marts.EQUITY_CATEGORIES)) {
        assertThat(na).as(mart + " rows").isPositive();
      }
      assertThat(nb).as(mart + " rows").isEqualTo(na);
      assertThat(a.exceptAll(b).count()).as(mart + ": local rows missing on the cluster").isZero();
      assertThat(b.exceptAll(a).count()).as(mart + ": cluster rows missing locally").isZero();
    }
  }

  @Test
  void startAndStopAreIdempotentAndStatusSaysWhich() throws Exception {
    Result again = cluster("start");
    assertThat(again.code).isZero();
    assertThat(again.output).contains("running", "workers=2/2");
    Result status = cluster("status");
    assertThat(status.code).isZero();
    assertThat(status.output.strip().lines()).hasSize(1);

    Result bad = run(List.of(SCRIPT.toString(), "restart"));
    assertThat(bad.code).isEqualTo(2);
    assertThat(bad.output.strip().lines()).singleElement().asString().contains("expected start, stop or status");
  }

  @Test
  void aSecondClusterOnTheSamePortIsRefusedWithOneLine() throws Exception {
    Result r = run(List.of(SCRIPT.toString(), "start", "--dir", tmp.resolve("other").toString(),
        "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort())));
    assertThat(r.code).isEqualTo(2);
    assertThat(r.output.strip().lines()).singleElement().asString().contains("port " + port + " is in use");
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void stopEndsExactlyThePidsStartWroteAndIsIdempotent() throws Exception {
    // Last: it stops the cluster the other tests share.
    List<Long> pids = new ArrayList<>();
    for (String name : List.of("master", "worker-1", "worker-2")) {
      pids.add(Long.parseLong(Files.readString(clusterDir.resolve(name + ".pid")).strip()));
    }
    assertThat(pids).allMatch(LocalClusterIT::alive);

    Result stop = cluster("stop");
    assertThat(stop.code).as(stop.output).isZero();
    assertThat(pids).noneMatch(LocalClusterIT::alive);
    Result status = cluster("status");
    assertThat(status.code).isEqualTo(3);
    assertThat(status.output).startsWith("local-cluster stopped");
    assertThat(cluster("stop").code).as("second stop").isZero();
  }

  record Result(int code, String output) {}

  static Result cluster(String action) throws Exception {
    return run(List.of(SCRIPT.toString(), action, "--dir", clusterDir.toString(), "--port", String.valueOf(port),
        "--webui-port", String.valueOf(webuiPort)));
  }

  static Result run(List<String> cmd) throws Exception {
    Path out = Files.createTempFile(tmp, "cmd", ".log");
    int code = run(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()), 3);
    return new Result(code, Files.readString(out, StandardCharsets.UTF_8));
  }

  static int run(ProcessBuilder pb, int minutes) throws Exception {
    Process p = pb.start();
    if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out after " + minutes + " min: " + pb.command());
    }
    return p.exitValue();
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static List<Path> executorLogs(Path workerWorkDir) throws IOException {
    try (Stream<Path> s = Files.walk(workerWorkDir)) {
      return s.filter(p -> p.getFileName().toString().equals("stderr")).toList();
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      s.forEach(p -> {
        try {
          Files.copy(p, to.resolve(from.relativize(p).toString()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
