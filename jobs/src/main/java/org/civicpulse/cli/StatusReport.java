package org.civicpulse.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.civicpulse.lake.LakeLock;
import org.civicpulse.lake.RunHistory;
import org.civicpulse.lake.RunRecord;
import org.civicpulse.lake.TableFreshness;
import org.civicpulse.schema.Marts;
import org.civicpulse.schema.Schemas;
import org.civicpulse.stream.CheckpointLag;

/**
 * What {@code status} says of a lake, from facts gathered elsewhere: the last run of each command and the last
 * failure, the lock, how recent each table is, each stream checkpoint's lag — and the problems that make it
 * unhealthy: a curated fact table or kpis_daily older than {@code maxAgeHours} (or empty), a checkpoint more than
 * {@code maxLag} records behind in a partition, or a broker that did not answer.
 */
record StatusReport(String lake, Instant now, ZoneId zone, RunHistory runs, Optional<LakeLock.Holder> lock,
    List<TableFreshness.Reach> tables, List<CheckpointLag.State> checkpoints, double maxAgeHours, long maxLag) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  /** Whether a table's age counts against status.max_age_hours: what the daily run must keep advancing. */
  static boolean checked(String table) {
    return table.startsWith("curated/") || table.equals("marts/" + Marts.KPIS_DAILY);
  }

  /** The tables every working lake has: the requests and their events, and the daily mart. */
  static boolean required(String table) {
    return table.equals("curated/" + Schemas.SERVICE_REQUESTS) || table.equals("curated/" + Schemas.REQUEST_EVENTS)
        || table.equals("marts/" + Marts.KPIS_DAILY);
  }

  /** Hours from the table's newest instant to now; null when it has none. */
  Double ageHours(TableFreshness.Reach t) {
    return t.newest() == null ? null : Duration.between(t.newest(), now).toSeconds() / 3600.0;
  }

  List<String> problems() {
    List<String> out = new ArrayList<>();
    for (TableFreshness.Reach t : tables) {
      if (!checked(t.table())) {
        continue;
      }
      Double age = ageHours(t);
      if (!t.present()) {
        if (required(t.table())) {
          out.add(t.table() + " does not exist yet");
        }
      } else if (age == null) {
        out.add(t.table() + " holds no rows");
      } else if (age > maxAgeHours) {
        out.add(String.format(Locale.ROOT, "%s is %.1f h old (status.max_age_hours=%s)", t.table(), age, num(maxAgeHours)));
      }
    }
    for (CheckpointLag.State c : checkpoints) {
      if (c.brokerError() != null) {
        out.add("stream " + c.checkpoint() + ": " + c.brokerError());
      } else if (c.maxLag() != null && c.maxLag() > maxLag) {
        out.add("stream " + c.checkpoint() + " is " + c.maxLag() + " records behind (status.max_lag=" + maxLag + ")");
      }
    }
    return out;
  }

  boolean healthy() {
    return problems().isEmpty();
  }

  /** The report as plain lines for a terminal or a mail. */
  String text() {
    StringBuilder b = new StringBuilder();
    b.append("civicpulse status  lake=").append(lake).append("  now=").append(time(now)).append('\n');
    b.append("runs (the last of each command):\n");
    Map<String, RunRecord> last = runs.lastByCommand();
    if (last.isEmpty()) {
      b.append("  none recorded\n");
    }
    last.forEach((cmd, r) -> b.append(String.format(Locale.ROOT, "  %-10s %s  %6.0f s  exit %d  %s%s%n", cmd,
        time(r.start()), seconds(r), r.exitCode(), r.status(), counts(r))));
    runs.lastFailure().ifPresent(r -> b.append("last failure: ").append(r.command()).append(' ').append(time(r.start()))
        .append(", exit ").append(r.exitCode()).append(r.message() == null ? "" : ": " + r.message()).append('\n'));
    b.append("lock: ").append(lock.map(StatusReport::holder).orElse("free")).append('\n');
    b.append("tables (newest, age):\n");
    for (TableFreshness.Reach t : tables) {
      Double age = ageHours(t);
      b.append(String.format(Locale.ROOT, "  %-30s %-16s %s%n", t.table(),
          !t.present() ? "absent" : t.newest() == null ? "empty" : time(t.newest()),
          age == null ? "" : String.format(Locale.ROOT, "%,.1f h", age)));
    }
    for (CheckpointLag.State c : checkpoints) {
      b.append("stream ").append(c.checkpoint()).append(": ").append(c.lastBatch() == null ? "no batch committed yet"
          : "batch " + c.lastBatch() + " committed " + time(c.committedAt()));
      if (c.brokerError() == null && c.maxLag() != null) {
        b.append(", lag");
        c.partitions().forEach(p -> b.append(' ').append(p.topic()).append('/').append(p.partition()).append('=').append(p.lag()));
      }
      b.append('\n');
    }
    List<String> problems = problems();
    b.append(problems.isEmpty() ? "status: healthy" : "status: " + problems.size() + " problem(s): " + String.join("; ", problems));
    return b.append('\n').toString();
  }

  /** The same facts as one JSON object (for a monitor). */
  Map<String, Object> json() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("lake", lake);
    out.put("now", now.toString());
    out.put("healthy", healthy());
    out.put("problems", problems());
    Map<String, Object> last = new LinkedHashMap<>();
    runs.lastByCommand().forEach((cmd, r) -> last.put(cmd, run(r)));
    out.put("runs", last);
    out.put("last_failure", runs.lastFailure().map(StatusReport::run).orElse(null));
    out.put("lock", lock.map(h -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("host", h.host());
      m.put("pid", h.pid());
      m.put("since", h.since());
      m.put("alive", h.alive());
      return m;
    }).orElse(null));
    List<Map<String, Object>> tableList = new ArrayList<>();
    for (TableFreshness.Reach t : tables) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("table", t.table());
      m.put("present", t.present());
      m.put("newest", t.newest() == null ? null : t.newest().toString());
      m.put("age_hours", ageHours(t));
      m.put("checked", checked(t.table()));
      tableList.add(m);
    }
    out.put("tables", tableList);
    List<Map<String, Object>> cps = new ArrayList<>();
    for (CheckpointLag.State c : checkpoints) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("checkpoint", c.checkpoint().toString());
      m.put("last_batch", c.lastBatch());
      m.put("committed_at", c.committedAt() == null ? null : c.committedAt().toString());
      m.put("max_lag", c.maxLag());
      m.put("broker_error", c.brokerError());
      List<Map<String, Object>> parts = new ArrayList<>();
      c.partitions().forEach(p -> {
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("topic", p.topic());
        pm.put("partition", p.partition());
        pm.put("committed", p.committed());
        pm.put("end", p.end());
        pm.put("lag", p.lag());
        parts.add(pm);
      });
      m.put("partitions", parts);
      cps.add(m);
    }
    out.put("checkpoints", cps);
    return out;
  }

  private static Map<String, Object> run(RunRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", r.command());
    m.put("start", r.start().toString());
    m.put("seconds", seconds(r));
    m.put("exit", r.exitCode());
    m.put("status", r.status());
    m.put("message", r.message());
    m.put("datasets", r.datasets());
    return m;
  }

  private static double seconds(RunRecord r) {
    return r.end() == null ? 0 : Duration.between(r.start(), r.end()).toMillis() / 1000.0;
  }

  private static String counts(RunRecord r) {
    StringBuilder b = new StringBuilder();
    for (Map<String, Object> d : r.datasets() == null ? List.<Map<String, Object>>of() : r.datasets()) {
      b.append("  ").append(d.get("dataset"));
      d.forEach((k, v) -> {
        if (!k.equals("dataset")) {
          b.append(' ').append(k).append('=').append(v);
        }
      });
    }
    return b.toString();
  }

  private static String holder(LakeLock.Holder h) {
    String state = h.alive() == null ? "on another host" : h.alive() ? "alive" : "dead: stale, the next run takes it over";
    return "held by host=" + h.host() + " pid=" + h.pid() + " since " + h.since() + " (" + state + ")";
  }

  private String time(Instant t) {
    return TIME.format(t.atZone(zone));
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
