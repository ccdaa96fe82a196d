package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident session's warm-up with the commands it runs recorded: what it runs, in which order, and that a
 * pause stops a run in the middle of its Spark jobs (on the real shared Spark) and the warm-up goes on afterwards.
 */
class SessionWarmUpTest {
  @TempDir Path tmp;
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @Test
  void buildsItsLakeThenRunsItsDashboardsAndSaysSo() throws Exception {
    Path folder = tmp.resolve("warm");
    try (SessionWarmUp warm = warmUp(folder, 2, line -> ExitCodes.OK)) {
      warm.resume();
      awaitFinished(warm);
      String lake = folder.resolve("lake").toString();
      String landing = folder.resolve("landing").toString();
      assertThat(ran).containsExactly(
          "generate --out " + landing + " --requests 2000 --communities 3 --start 2025-07-01 --end 2025-12-31 --seed 7",
          "ingest --landing " + landing + " --lake " + lake + " --dev-key",
          "dashboard --date 2025-12-31 --lake " + lake,
          "dashboard --date 2025-12-31 --lake " + lake);
      warm.resume();
      assertThat(ran).as("a finished warm-up does not start again").hasSize(4);
    }
    assertThat(log()).startsWith("civicpulse serve: warmed up (2 one-day dashboards on a generated 2,000-request lake, ");
    assertThat(Files.exists(folder)).as("its folder is removed with it").isFalse();
  }

  @Test
  void aPauseCancelsTheRunningDashboardAndTheWarmUpGoesOnLater() throws Exception {
    SparkSession spark = SharedSpark.get();
    CountDownLatch dashboardStarted = new CountDownLatch(1);
    AtomicBoolean busy = new AtomicBoolean(true);
    PrintStream stderr = System.err;
    ToIntFunction<String[]> commands = line -> {
      if (!line[0].equals("dashboard") || !busy.get()) {
        return ExitCodes.OK;
      }
      dashboardStarted.countDown();
      try {
        while (true) {
          spark.range(1000).selectExpr("sum(id)").collect();
        }
      } catch (Exception cancelled) {
        return ExitCodes.FAILED;
      }
    };
    try (SessionWarmUp warm = warmUp(tmp.resolve("warm"), 2, commands)) {
      warm.resume();
      assertThat(dashboardStarted.await(60, TimeUnit.SECONDS)).isTrue();
      warm.pause();
      assertThat(warm.finished()).as("paused in its first dashboard").isFalse();
      assertThat(ran).hasSize(3);
      assertThat(System.err).as("the session's own stderr is back").isSameAs(stderr);

      busy.set(false);
      warm.resume();
      awaitFinished(warm);
      assertThat(ran).as("the cancelled dashboard is not counted: two more ran").hasSize(5)
          .filteredOn(l -> l.startsWith("dashboard")).hasSize(3);
      assertThat(ran).as("the lake is built once").filteredOn(l -> l.startsWith("ingest")).hasSize(1);
    }
    assertThat(log()).doesNotContain("failed").contains("warmed up (2 one-day dashboards");
  }

  @Test
  void readyAfterTwoRunsAndHeldBackWhileACommandRunsInAJvmOfItsOwn() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (SessionWarmUp warm = warmUp(tmp.resolve("warm"), 4, line -> {
      if (line[0].equals("dashboard") && ran.size() == 5) {
        awaitQuietly(release);
      }
      return ExitCodes.OK;
    })) {
      assertThat(warm.ready()).as("cold").isFalse();
      warm.yieldFor(java.time.Duration.ofSeconds(2));
      warm.resume();
      Thread.sleep(500);
      assertThat(ran).as("nothing runs while it yields to a JVM of its own").isEmpty();
      for (int i = 0; i < 100 && ran.size() < 5; i++) {
        Thread.sleep(100);
      }
      assertThat(ran).as("built, two dashboards, the third running").hasSize(5);
      assertThat(warm.ready()).as("after two runs of four").isTrue();
      release.countDown();
      awaitFinished(warm);
    }
    try (SessionWarmUp none = warmUp(tmp.resolve("none"), 0, line -> ExitCodes.OK)) {
      assertThat(none.ready()).as("no warm-up asked for").isTrue();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aFailedBuildEndsTheWarmUpWithOneLine() throws Exception {
    try (SessionWarmUp warm = warmUp(tmp.resolve("warm"), 3, line -> line[0].equals("ingest") ? ExitCodes.FAILED
        : ExitCodes.OK)) {
      warm.resume();
      awaitFinished(warm);
      assertThat(ran).hasSize(2);
    }
    assertThat(log()).isEqualTo("civicpulse serve: the warm-up failed; the session serves unwarmed\n");
  }

  private SessionWarmUp warmUp(Path folder, int runs, ToIntFunction<String[]> commands) {
    SparkContext sc = SharedSpark.get().sparkContext();
    return new SessionWarmUp(folder, runs, line -> {
      ran.add(String.join(" ", line));
      return commands.applyAsInt(line);
    }, sc, new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  private String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  private static void awaitFinished(SessionWarmUp warm) throws InterruptedException {
    for (int i = 0; i < 600 && !warm.finished(); i++) {
      Thread.sleep(100);
    }
    assertThat(warm.finished()).as("finished within a minute").isTrue();
  }
}
