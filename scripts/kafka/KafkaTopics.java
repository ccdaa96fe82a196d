import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Waits until the broker answers and creates the topics that are missing; run by scripts/kafka.sh with the
 * broker's own jars (java source-file mode), so the app's classpath never sees kafka-clients 4.x.
 * Usage: KafkaTopics.java BOOTSTRAP PARTITIONS TIMEOUT_SECONDS TOPIC...
 */
public final class KafkaTopics {
  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    int partitions = Integer.parseInt(args[1]);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    try (Admin admin = Admin.create(p)) {
      while (true) {
        try {
          Set<String> existing = admin.listTopics().names().get();
          List<NewTopic> missing = new ArrayList<>();
          for (int i = 3; i < args.length; i++) {
            if (!existing.contains(args[i])) {
              missing.add(new NewTopic(args[i], partitions, (short) 1));
            }
          }
          if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get();
          }
          System.out.println(missing.size());
          return;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof TopicExistsException) {
            continue; // created by a concurrent start: list again
          }
          if (System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(500); // the broker is still starting
        }
      }
    }
  }
}
