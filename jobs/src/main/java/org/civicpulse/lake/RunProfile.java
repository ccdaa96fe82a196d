package org.civicpulse.lake;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Where a run's time went: its phases (one per progress line), and the Spark jobs and tasks each phase ran,
 * grouped by job description (Delta names its own: "Compute snapshot for version …", "Finding files to rewrite").
 *
 * <p>A fixed cost is invisible in a total: this is what tells a 60 s run on 100 rows apart from real work.
 * Jobs are tied to the phase that submitted them through a local property, not to the phase current when the
 * listener bus delivers the event (it is asynchronous). See docs/performance.md.
 */
public final class RunProfile extends SparkListener {
  private static final String PHASE_PROPERTY = "civicpulse.phase";
  private static final Pattern NUMBERS = Pattern.compile("\\d+");

  private static final java.util.concurrent.atomic.AtomicInteger PROFILES = new java.util.concurrent.atomic.AtomicInteger();

  /** Tags this profile's jobs: commands that run side by side share one SparkContext and each one's listener. */
  private final String id = "p" + PROFILES.incrementAndGet() + ":";
  private final long startNanos = System.nanoTime();
  private final double beforeStart = jvmSecondsBeforeMain();
  private final List<Phase> phases = new ArrayList<>();
  private final Map<Integer, Integer> stagePhase = new ConcurrentHashMap<>();
  private final Map<Integer, Long> jobStart = new ConcurrentHashMap<>();
  private final Map<Integer, JobKey> jobKey = new ConcurrentHashMap<>();
  private final Map<String, long[]> byDescription = new ConcurrentHashMap<>();
  private SparkContext context;

  /** A running job: the phase that submitted it and its description, grouped without numbers. */
  private record JobKey(int phase, String description) {}

  /** One phase: its name, start and end (seconds since the profile began), and its Spark jobs and tasks. */
  private static final class Phase {
    final String name;
    final double start;
    double end = Double.NaN;
    int jobs;
    int tasks;

    Phase(String name, double start) {
      this.name = name;
      this.start = start;
    }
  }

  public RunProfile() {
    phases.add(new Phase("start", 0));
  }

  /** Seconds from the JVM's start to this profile's creation (class loading, argument parsing, config). */
  private static double jvmSecondsBeforeMain() {
    return (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
  }

  /** Starts listening to a SparkContext; later phases tag their jobs so the listener can attribute them. */
  public synchronized void attach(SparkContext sc) {
    context = sc;
    sc.addSparkListener(this);
    sc.setLocalProperty(PHASE_PROPERTY, id + (phases.size() - 1));
  }

  /** Stops listening (a chain of commands runs several profiles on one SparkContext, one after another). */
  public synchronized void detach() {
    if (context != null) {
      context.removeSparkListener(this);
      context.setLocalProperty(PHASE_PROPERTY, null);
      context.setJobDescription(null);
      context = null;
    }
  }

  /** Ends the current phase and starts one named {@code name}; Spark jobs from now on count toward it. */
  public synchronized void phase(String name) {
    double now = now();
    phases.get(phases.size() - 1).end = now;
    phases.add(new Phase(name, now));
    if (context != null) {
      context.setLocalProperty(PHASE_PROPERTY, id + (phases.size() - 1));
      context.setJobDescription(name);
    }
  }

  @Override
  public void onJobStart(SparkListenerJobStart e) {
    int phase = phaseOf(e.properties() == null ? null : e.properties().getProperty(PHASE_PROPERTY));
    if (phase < 0) {
      return;
    }
    String description = e.properties() == null ? null : e.properties().getProperty("spark.job.description");
    jobStart.put(e.jobId(), e.time());
    jobKey.put(e.jobId(), new JobKey(phase, normalise(description)));
    scala.jdk.javaapi.CollectionConverters.asJava(e.stageIds()).forEach(s -> stagePhase.put((Integer) s, phase));
    synchronized (this) {
      phases.get(phase).jobs++;
    }
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd e) {
    Long started = jobStart.remove(e.jobId());
    JobKey key = jobKey.remove(e.jobId());
    if (started == null || key == null) {
      return;
    }
    byDescription.compute(key.description(), (k, v) -> {
      long[] a = v == null ? new long[2] : v;
      a[0]++;
      a[1] += e.time() - started;
      return a;
    });
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    Integer phase = stagePhase.get(e.stageId());
    if (phase != null) {
      synchronized (this) {
        phases.get(phase).tasks++;
      }
    }
  }

  /** The phases as plain values, for the _runs record: name, seconds, jobs, tasks. */
  public synchronized List<Map<String, Object>> summary() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Phase p : phases) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("phase", p.name);
      m.put("seconds", round((Double.isNaN(p.end) ? now() : p.end) - p.start));
      m.put("spark_jobs", p.jobs);
      m.put("spark_tasks", p.tasks);
      out.add(m);
    }
    return out;
  }

  /** The profile as text: one line per phase, then the job descriptions that took the most time. */
  public synchronized String render() {
    StringBuilder b = new StringBuilder();
    int jobs = phases.stream().mapToInt(p -> p.jobs).sum();
    int tasks = phases.stream().mapToInt(p -> p.tasks).sum();
    b.append(String.format("profile: %.1f s for this command (the JVM had been up %.1f s when it began), %d Spark jobs, %d tasks%n",
        now(), beforeStart, jobs, tasks));
    b.append(String.format("  %8s %8s %6s %6s  %s%n", "start s", "wall s", "jobs", "tasks", "phase"));
    for (Phase p : phases) {
      double end = Double.isNaN(p.end) ? now() : p.end;
      b.append(String.format("  %8.1f %8.1f %6d %6d  %s%n", p.start, end - p.start, p.jobs, p.tasks, p.name));
    }
    b.append("  Spark jobs by description (count, seconds), longest first:\n");
    byDescription.entrySet().stream()
        .sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]))
        .limit(15)
        .forEach(en -> b.append(String.format("  %6d %8.1f  %s%n", en.getValue()[0], en.getValue()[1] / 1000.0, en.getKey())));
    return b.toString();
  }

  /** The phase a job's property names; 0 when it names none, -1 when it is another profile's job. */
  private int phaseOf(String property) {
    if (property == null) {
      return 0;
    }
    if (!property.startsWith(id)) {
      return -1;
    }
    try {
      int p = Integer.parseInt(property.substring(id.length()));
      synchronized (this) {
        return p >= 0 && p < phases.size() ? p : 0;
      }
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Version numbers and counts vary from run to run; grouping ignores them. */
  static String normalise(String description) {
    if (description == null || description.isBlank()) {
      return "(no description)";
    }
    String oneLine = description.strip().replace('\n', ' ');
    String s = NUMBERS.matcher(oneLine).replaceAll("N");
    return s.length() > 90 ? s.substring(0, 90) + "…" : s;
  }

  private double now() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double round(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }
}
