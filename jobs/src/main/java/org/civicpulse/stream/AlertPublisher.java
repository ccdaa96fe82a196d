package org.civicpulse.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends alerts to the alerts topic keyed by alert id, and returns only once the broker has them all. Called
 * before the alerts' Delta commit: a crash in between sends them again on retry (at-least-once; consumers
 * drop repeats by id), never loses one.
 */
public final class AlertPublisher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String bootstrap;
  private final String topic;

  public AlertPublisher(String bootstrap, String topic) {
    this.bootstrap = bootstrap;
    this.topic = topic;
  }

  public void publish(List<SpikeRule.Alert> alerts) {
    if (alerts.isEmpty()) {
      return;
    }
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (Producer<String, String> producer = new KafkaProducer<>(p)) {
      for (SpikeRule.Alert a : alerts) {
        producer.send(new ProducerRecord<>(topic, a.alertId(), json(a))).get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending alerts", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot send alerts to " + topic + ": " + e.getCause().getMessage(), e);
    }
  }

  static String json(SpikeRule.Alert a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("alert_id", a.alertId());
    m.put("community_id", a.communityId());
    m.put("category", a.category());
    m.put("window_start", a.windowStart().toString());
    m.put("volume", a.volume());
    m.put("baseline_median", a.baselineMedian());
    m.put("z", a.z());
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
