package org.civicpulse.stream;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.civicpulse.curate.RecordColumns;
import org.civicpulse.lake.LakeLock;
import org.civicpulse.lake.LockHeldException;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Kafka topics → the lake through {@link BatchSink}, as a Structured Streaming query with a checkpoint. Holds a
 * lock on its checkpoint (two queries on one checkpoint would corrupt it), not on the lake: batch commands
 * may write the same tables meanwhile, Delta resolves that. SIGTERM or SIGINT lets the running batch finish,
 * then stops the query; the run then ends as a normal one (summary, _runs record, exit 0).
 */
public final class StreamJob {
  /** How long a SIGTERM waits for the batch in progress before stopping the query anyway (service files allow more). */
  public static final long STOP_GRACE_SECONDS = 120;

  private final SparkSession spark;
  private final StreamSettings settings;
  private final BatchSink sink;
  private final Consumer<String> progress;

  public StreamJob(SparkSession spark, StreamSettings settings, BatchSink sink, Consumer<String> progress) {
    this.spark = spark;
    this.settings = settings;
    this.sink = sink;
    this.progress = progress;
  }

  /** The lock file of a checkpoint folder. */
  public static Path lockFile(Path checkpoint) {
    return checkpoint.resolve("_civicpulse.lock");
  }

  /** Runs until the topics are drained (available-now) or the query stops; returns the totals. */
  public BatchCounts run() throws TimeoutException, StreamingQueryException {
    // Our own SIGTERM/SIGINT handler instead of a shutdown hook: on a signal the JVM runs all hooks at once,
    // and Spark's stops the SparkContext under the batch we would wait for (seen: after a SIGTERM mid-batch,
    // request_events committed, service_requests not). No shutdown starts here: the query stops after its
    // batch, run() returns and the command ends normally. It is in place before the query starts, so a signal
    // in the query's first moments (seen: exit 143 with the checkpoint lock left behind) stops it the same way.
    AtomicBoolean stopRequested = new AtomicBoolean();
    AtomicReference<StreamingQuery> running = new AtomicReference<>();
    List<Signal> signals = List.of(new Signal("TERM"), new Signal("INT"));
    List<SignalHandler> previous = signals.stream().map(sig -> Signal.handle(sig, s -> {
      stopRequested.set(true);
      StreamingQuery q = running.get();
      if (q != null) {
        stopGracefully(q);
      }
    })).toList();
    try (LakeLock lock = checkpointLock()) {
      if (stopRequested.get()) {
        progress.accept("stopped before the query started");
        return sink.counts();
      }
      StreamingQuery query = source().writeStream()
          .queryName("civicpulse-stream")
          .option("checkpointLocation", settings.checkpoint().toString())
          .trigger(settings.availableNow() ? Trigger.AvailableNow()
              : Trigger.ProcessingTime(settings.triggerSeconds() * 1000L))
          .foreachBatch(sink)
          .start();
      running.set(query);
      progress.accept("query " + query.id() + " started on " + String.join(",", settings.topics().values())
          + (settings.availableNow() ? " (available-now)" : " every " + settings.triggerSeconds() + " s"));
      if (stopRequested.get()) {
        stopGracefully(query); // a signal between start() and running.set(): the handler saw no query
      }
      query.awaitTermination();
      return sink.counts();
    } finally {
      for (int i = 0; i < signals.size(); i++) {
        Signal.handle(signals.get(i), previous.get(i));
      }
    }
  }

  /** The checkpoint's lock; a holder is named as a stream on that checkpoint, not as a lake run. */
  private LakeLock checkpointLock() {
    try {
      return LakeLock.acquire(lockFile(settings.checkpoint()), progress);
    } catch (LockHeldException e) {
      throw new LockHeldException("checkpoint " + settings.checkpoint() + " is in use by another stream ("
          + e.getMessage().replace("lake is locked by another run: ", "") + ")");
    }
  }

  private Dataset<Row> source() {
    return spark.readStream().format("kafka")
        .option("kafka.bootstrap.servers", settings.bootstrap())
        .option("subscribe", String.join(",", settings.topics().values()))
        .option("startingOffsets", "earliest")
        .option("maxOffsetsPerTrigger", settings.maxOffsetsPerTrigger())
        .load()
        .selectExpr("topic AS " + KafkaRows.TOPIC, "partition AS " + KafkaRows.PARTITION,
            "offset AS " + KafkaRows.OFFSET, "CAST(value AS STRING) AS " + RecordColumns.RAW);
  }

  /** Waits for the batch in progress (its writes and checkpoint commit), then stops the query. */
  private void stopGracefully(StreamingQuery query) {
    if (!query.isActive()) {
      return;
    }
    progress.accept("stopping: waiting for the batch in progress");
    long deadline = System.currentTimeMillis() + STOP_GRACE_SECONDS * 1000;
    try {
      while (query.status().isTriggerActive() && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
      query.stop();
    } catch (InterruptedException | TimeoutException e) {
      Thread.currentThread().interrupt();
    }
  }
}
