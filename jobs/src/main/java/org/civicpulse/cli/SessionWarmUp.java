package org.civicpulse.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.spark.SparkContext;
import org.civicpulse.lake.FileTrees;

/**
 * Warms an idle resident session: one-day dashboards on a small private lake of generated data, run while no
 * command waits, so that the JIT has compiled the driver's planning and scheduling code before the user's own
 * commands arrive. What warms a session is the number of queries it has planned, not the rows it has read
 * (docs/performance.md, "What is left"): twelve runs on 2,000 requests took a session's first one-day dashboard
 * on the sample lake from ~30 s to ~9 s. A command that arrives meanwhile pauses the warm-up (its Spark jobs are
 * cancelled) and the warm-up goes on once the session is idle again.
 */
final class SessionWarmUp implements ResidentSession.IdleWork, AutoCloseable {
  static final String JOB_TAG = "civicpulse-warm-up";
  static final String DAY = "2025-12-31";
  /**
   * Warm-up runs after which the session serves commands: a cold session ran its first one-day dashboard on the
   * sample lake in 31 s and its second in 12 s, against ~21 s in a JVM of its own (docs/performance.md).
   */
  static final int READY_AFTER = 2;
  private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

  private final Path folder;
  private final int runs;
  private final ToIntFunction<String[]> commands;
  private final SparkContext spark;
  private final PrintStream log;
  private volatile boolean pausing;
  private volatile long heldUntil = System.nanoTime();
  private boolean built;
  private volatile int done;
  private double seconds;
  private Thread worker;

  /**
   * @param folder a private folder the warm-up lake is built in (removed on close)
   * @param runs how many one-day dashboards warm the session (0: none)
   */
  SessionWarmUp(Path folder, int runs, ToIntFunction<String[]> commands, SparkContext spark, PrintStream log) {
    this.folder = folder;
    this.runs = runs;
    this.commands = commands;
    this.spark = spark;
    this.log = log;
  }

  /** Starts or resumes the warm-up on a thread of its own, unless it is done. */
  @Override
  public synchronized void resume() {
    if (done >= runs || worker != null) {
      return;
    }
    pausing = false;
    worker = new Thread(this::warm, "civicpulse-warm-up");
    worker.setDaemon(true);
    worker.start();
  }

  /** Stops the warm-up's work and waits for it: a command is about to run. Idempotent. */
  @Override
  public synchronized void pause() throws InterruptedException {
    if (worker == null || !worker.isAlive()) {
      worker = null;
      return;
    }
    pausing = true;
    // The cancelled jobs' errors are the pause, not a fault: the log says nothing until they have ended.
    try (QuietLog quiet = new QuietLog()) {
      // A job the warm-up submits after one cancel is cancelled by the next: the command ends at its next job.
      while (worker.isAlive()) {
        spark.cancelJobsWithTag(JOB_TAG);
        worker.join(50);
      }
      long deadline = System.nanoTime() + 2_000_000_000L;
      while (spark.statusTracker().getActiveJobIds().length > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }
    worker = null;
  }

  @Override
  public boolean ready() {
    return done >= Math.min(runs, READY_AFTER);
  }

  @Override
  public synchronized void yieldFor(Duration d) throws InterruptedException {
    pause();
    heldUntil = System.nanoTime() + d.toNanos();
  }

  /** Whether every warm-up run is done. */
  synchronized boolean finished() {
    return done >= runs;
  }

  private void warm() {
    spark.addJobTag(JOB_TAG);
    PrintStream out = System.out;
    PrintStream err = System.err;
    // The session runs one thing at a time: no command's output is redirected while the warm-up runs.
    System.setOut(SILENT);
    System.setErr(SILENT);
    try {
      while (!pausing && System.nanoTime() < heldUntil) {
        sleep();
      }
      while (!pausing && done < runs) {
        long start = System.nanoTime();
        boolean ok = built ? run("dashboard", "--date", DAY, "--lake", lake()) == ExitCodes.OK : build();
        if (pausing) {
          break;
        }
        if (!ok) {
          log.println("civicpulse serve: the warm-up failed; the session serves unwarmed");
          done = runs;
          break;
        }
        seconds += (System.nanoTime() - start) / 1e9;
        done += built ? 1 : 0;
        built = true;
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
      spark.removeJobTag(JOB_TAG);
    }
    if (done >= runs && runs > 0 && built) {
      log.printf("civicpulse serve: warmed up (%d one-day dashboards on a generated 2,000-request lake, %.1f s)%n",
          runs, seconds);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Generates and ingests the warm-up lake; a lake left half-built by a pause is built again from scratch. */
  private boolean build() {
    try {
      delete(folder);
      Files.createDirectories(folder);
    } catch (IOException e) {
      log.println("civicpulse serve: no warm-up: " + e.getMessage());
      return false;
    }
    Path landing = folder.resolve("landing");
    return run("generate", "--out", landing.toString(), "--requests", "2000", "--communities", "3",
            "--start", "2025-07-01", "--end", DAY, "--seed", "7") == ExitCodes.OK
        && run("ingest", "--landing", landing.toString(), "--lake", lake(), "--dev-key") == ExitCodes.OK;
  }

  private int run(String... line) {
    return pausing ? ExitCodes.FAILED : commands.applyAsInt(line);
  }

  private String lake() {
    return folder.resolve("lake").toString();
  }

  /** Every logger off until closed, then each back at its own level. */
  private static final class QuietLog implements AutoCloseable {
    private final LoggerContext context = LoggerContext.getContext(false);
    private final Map<LoggerConfig, Level> levels = new HashMap<>();

    QuietLog() {
      for (LoggerConfig c : context.getConfiguration().getLoggers().values()) {
        levels.put(c, c.getLevel());
        c.setLevel(Level.OFF);
      }
      LoggerConfig root = context.getConfiguration().getRootLogger();
      levels.putIfAbsent(root, root.getLevel());
      root.setLevel(Level.OFF);
      context.updateLoggers();
    }

    @Override
    public void close() {
      levels.forEach(LoggerConfig::setLevel);
      context.updateLoggers();
    }
  }

  @Override
  public void close() throws InterruptedException {
    pause();
    delete(folder);
  }

  private static void delete(Path dir) {
    try {
      FileTrees.delete(dir);
    } catch (IOException e) {
      // A temporary folder left behind is not worth failing the session for.
    }
  }
}
