package org.civicpulse.lake;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A step of Spark jobs run on its own driver thread beside the caller's steps (Spark schedules jobs of several
 * threads at once). {@link #join} rethrows its failure as it was thrown; {@link #close} waits for it whatever
 * happened to the caller, so no job of it outlives the inputs the caller then releases.
 */
public final class SideTask implements AutoCloseable {
  private final CompletableFuture<Void> future;

  private SideTask(CompletableFuture<Void> future) {
    this.future = future;
  }

  /** Starts {@code step} on a new daemon thread named civicpulse-{@code name}. */
  public static SideTask start(String name, Runnable step) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        step.run();
        future.complete(null);
      } catch (Throwable e) {
        future.completeExceptionally(e);
      }
    }, "civicpulse-" + name);
    t.setDaemon(true);
    t.start();
    return new SideTask(future);
  }

  /** Waits for the step; its exception, if any, is rethrown unwrapped. */
  public void join() {
    try {
      future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** Waits for the step to end; a failure here is the caller's to see through {@link #join}, not again. */
  @Override
  public void close() {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // join() reports it when the caller got that far; a caller that failed first keeps its own exception.
    }
  }
}
