package org.civicpulse.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends replay events to Kafka with an idempotent producer (acks=all: a retried send is never stored twice),
 * paced by --rate (events per second) and/or --speedup (event time compressed F-fold), else as fast as the
 * broker takes them.
 */
public final class ReplaySender {
  private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

  /** What was sent: events per dataset and the wall time. */
  public record Result(Map<String, Long> sent, double seconds) {
    public long total() {
      return sent.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final String bootstrap;
  private final Map<String, String> topics;
  private final Double rate;
  private final Double speedup;
  private final Consumer<String> progress;

  /** @param topics dataset → topic @param rate events/s or null @param speedup factor or null */
  public ReplaySender(String bootstrap, Map<String, String> topics, Double rate, Double speedup,
      Consumer<String> progress) {
    this.bootstrap = bootstrap;
    this.topics = topics;
    this.rate = rate;
    this.speedup = speedup;
    this.progress = progress;
  }

  public static Properties producerConfig(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return p;
  }

  public Result send(List<ReplayEvent> events) throws InterruptedException {
    Map<String, Long> sent = new LinkedHashMap<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    long start = System.nanoTime();
    long lastProgress = start;
    Instant firstTime = events.stream().map(ReplayEvent::time).filter(t -> !t.equals(Instant.EPOCH)).findFirst()
        .orElse(Instant.EPOCH);
    try (Producer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrap))) {
      for (int i = 0; i < events.size(); i++) {
        ReplayEvent e = events.get(i);
        pace(start, i, e.time(), firstTime);
        String topic = topics.get(e.dataset());
        producer.send(new ProducerRecord<>(topic, e.key(), e.value()), (meta, ex) -> {
          if (ex != null) {
            failure.compareAndSet(null, ex);
          }
        });
        sent.merge(e.dataset(), 1L, Long::sum);
        if (failure.get() != null) {
          break;
        }
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_EVERY_NANOS) {
          lastProgress = now;
          progress.accept(String.format("sent %,d of %,d events (event time %s)", i + 1, events.size(), e.time()));
        }
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("Kafka send failed: " + failure.get().getMessage(), failure.get());
    }
    return new Result(sent, (System.nanoTime() - start) / 1e9);
  }

  /** Waits until event i is due: the later of its --rate slot and its compressed event time. */
  private void pace(long start, int i, Instant time, Instant firstTime) throws InterruptedException {
    long due = start;
    if (rate != null) {
      due = Math.max(due, start + (long) (i * 1e9 / rate));
    }
    if (speedup != null && !time.equals(Instant.EPOCH)) {
      long eventNanos = Duration.between(firstTime, time).toNanos();
      due = Math.max(due, start + (long) (eventNanos / speedup));
    }
    long wait = due - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
