package org.civicpulse.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a batch's independent pieces of work (writes to different tables) on threads of their own and waits for
 * all of them. A batch's time is mostly Spark's and Delta's fixed cost per job and per commit (planning, code
 * generation, log replay), spent on the driver while executor cores wait: side by side, one table's planning
 * overlaps another's tasks.
 */
final class SideBySide {
  private SideBySide() {}

  /**
   * The results by name, in the order given. Every piece has ended before this returns or throws: a batch run
   * again after a failure (Delta conflict retry, restart) must never overlap a write still going on. The first
   * failure is rethrown as it was thrown (a RuntimeException unwrapped), the others are attached as suppressed.
   */
  static <T> Map<String, T> run(Map<String, Callable<T>> work) {
    if (work.size() <= 1) {
      Map<String, T> out = new LinkedHashMap<>();
      for (Map.Entry<String, Callable<T>> w : work.entrySet()) {
        out.put(w.getKey(), call(w.getValue()));
      }
      return out;
    }
    // A pool per batch, created on the batch's thread: its threads inherit that thread's Spark local properties
    // (the query's id and job group, the batch's SQL execution) as they are for this batch, not a former one.
    ExecutorService pool = Executors.newFixedThreadPool(work.size(), r -> {
      Thread t = new Thread(r, "civicpulse-batch-writer");
      t.setDaemon(true);
      return t;
    });
    try {
      Map<String, Future<T>> futures = new LinkedHashMap<>();
      work.forEach((name, w) -> futures.put(name, pool.submit(w)));
      Map<String, T> out = new LinkedHashMap<>();
      List<Throwable> failures = new ArrayList<>();
      for (Map.Entry<String, Future<T>> f : futures.entrySet()) {
        try {
          out.put(f.getKey(), awaitEnd(f.getValue()));
        } catch (ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      if (!failures.isEmpty()) {
        Throwable first = failures.get(0);
        failures.subList(1, failures.size()).forEach(first::addSuppressed);
        if (first instanceof RuntimeException re) {
          throw re;
        }
        if (first instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(first);
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  /** The piece's result; an interrupt does not end the wait (the write goes on), it is passed on afterwards. */
  private static <T> T awaitEnd(Future<T> f) throws ExecutionException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static <T> T call(Callable<T> c) {
    try {
      return c.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
