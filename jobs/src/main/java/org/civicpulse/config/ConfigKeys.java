package org.civicpulse.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every key conf/civicpulse.properties may hold; docs/configuration.md lists the same set (a test checks). */
public final class ConfigKeys {
  public static final String LAKE = "lake";
  public static final String TIMEZONE = "timezone";
  public static final String SERVICE_POINT_THRESHOLD = "decisions.service_point_weekly_threshold";
  public static final String BACKLOG_THRESHOLD = "decisions.backlog_threshold";
  public static final String LOCALE = "locale";
  public static final String HOLIDAYS = "holidays.country";
  public static final String REPORT_OUT = "report.out";
  public static final String REPORT_TITLE = "report.title";
  public static final String REPORT_KEEP_DAYS = "report.keep_days";
  public static final String MAX_QUARANTINE_SHARE = "ingest.max_quarantine_share";
  public static final String SHUFFLE_PARTITIONS = "spark.shuffle_partitions";
  public static final String TARGETS = "targets";
  public static final String SLA_OVERRIDE_PREFIX = "sla.override.";
  public static final String RUNS_KEEP_DAYS = "runs.keep_days";
  public static final String LOG_DIR = "log.dir";
  public static final String STREAM_BOOTSTRAP = "stream.bootstrap";
  public static final String TOPIC_REQUESTS = "stream.topic.requests";
  public static final String TOPIC_FEEDBACK = "stream.topic.feedback";
  public static final String TOPIC_PARTICIPATION = "stream.topic.participation";
  public static final String TOPIC_ALERTS = "stream.topic.alerts";
  public static final String STREAM_CHECKPOINT = "stream.checkpoint";
  public static final String STREAM_TRIGGER_SECONDS = "stream.trigger_seconds";
  public static final String STREAM_LATENESS_HOURS = "stream.lateness_hours";
  public static final String STREAM_MAX_OFFSETS = "stream.max_offsets_per_trigger";
  public static final String STATUS_MAX_AGE_HOURS = "status.max_age_hours";
  public static final String STATUS_MAX_LAG = "status.max_lag";
  public static final String EQUITY_WINDOW_DAYS = "equity.window_days";
  public static final String EQUITY_MIN_CLOSED = "equity.min_closed";
  public static final String HOTSPOT_MIN_REQUESTS = "hotspots.min_requests";

  private static final Map<String, ConfigKey> KEYS = new LinkedHashMap<>();

  static {
    add(LAKE, "lake", true, "Folder of the lake (curated, quarantine, marts, _runs).");
    add(TIMEZONE, "Asia/Shanghai", false, "Time zone of local days and of input timestamps without an offset.");
    add(LOCALE, "zh", false, "Report language: zh or en.");
    add(HOLIDAYS, "CN", false, "Holiday table for anomaly notes and forecast features: CN or US.");
    add(REPORT_OUT, "reports", true, "Folder the report command writes <date>/, latest/ and index.html into.");
    add(REPORT_TITLE, "", false,
        "Title shown at the top of every report page (default: the report language's own title; a set title is shown as is in every language).");
    add(REPORT_KEEP_DAYS, "400", false, "maintain deletes dated report folders older than this many days.");
    add(MAX_QUARANTINE_SHARE, "0.05", false, "ingest exits 1 when the quarantined share of a dataset exceeds this.");
    add(SHUFFLE_PARTITIONS, "8", false, "spark.sql.shuffle.partitions for the local default (a cluster may override with --conf).");
    add(TARGETS, "targets.properties", true, "Score targets file (see conf/targets.properties).");
    add(RUNS_KEEP_DAYS, "180", false, "maintain deletes _runs records older than this many days.");
    add(LOG_DIR, "logs", true, "Folder where scripts/civicpulse appends <date>-<command>.log (read by the script, not the app).");
    add(STREAM_BOOTSTRAP, "127.0.0.1:9092", false, "stream, replay: Kafka bootstrap servers (host:port, comma-separated).");
    add(TOPIC_REQUESTS, "civicpulse.requests", false, "Topic of request events (JSON), also read by scripts/kafka.sh.");
    add(TOPIC_FEEDBACK, "civicpulse.feedback", false, "Topic of feedback records (JSON).");
    add(TOPIC_PARTICIPATION, "civicpulse.participation", false, "Topic of participation records (JSON).");
    add(TOPIC_ALERTS, "civicpulse.alerts", false, "Topic stream produces spike alerts to (at-least-once, keyed by alert_id).");
    add(STREAM_CHECKPOINT, "work/checkpoints/stream", true, "stream: checkpoint folder (offsets and commits of the query; holds the stream's lock).");
    add(STREAM_TRIGGER_SECONDS, "10", false, "stream: seconds between micro-batches of the long-running form.");
    add(STREAM_LATENESS_HOURS, "2", false, "stream: hours an event may arrive late and still count in the live marts (curated takes it regardless).");
    add(STREAM_MAX_OFFSETS, "200000", false, "stream: Kafka records per micro-batch at most (bounds a batch's memory and the work a crash makes Spark redo).");
    add(SERVICE_POINT_THRESHOLD, "10", false, "forecast: a cell whose forecast stays at or above this many requests a week for 13 weeks is a service-point candidate.");
    add(BACKLOG_THRESHOLD, "200", false, "forecast: projected open requests per community at which the capacity table flags a crossing week.");
    add(STATUS_MAX_AGE_HOURS, "48", false, "status exits 1 when a curated fact table or kpis_daily reaches less recently than this many hours ago.");
    add(STATUS_MAX_LAG, "10000", false, "status exits 1 when a stream checkpoint is this many records behind in one topic partition.");
    add(EQUITY_WINDOW_DAYS, "90", false, "dashboard: days up to the range's last day over which the equity marts compare communities.");
    add(EQUITY_MIN_CLOSED, "50", false, "dashboard: closed requests a community needs in the equity window before it gets a z-score, a flag or a rank.");
    add(HOTSPOT_MIN_REQUESTS, "10", false, "dashboard: requests a community × category cell needs over the last 14 days before the hot spots list names it.");
  }

  private ConfigKeys() {}

  private static void add(String name, String def, boolean path, String description) {
    KEYS.put(name, new ConfigKey(name, def, path, description));
  }

  public static List<ConfigKey> all() {
    return List.copyOf(KEYS.values());
  }

  /** A known key; sla.override.&lt;category&gt; keys are known for any category. */
  public static Optional<ConfigKey> find(String name) {
    if (name.startsWith(SLA_OVERRIDE_PREFIX) && name.length() > SLA_OVERRIDE_PREFIX.length()) {
      return Optional.of(new ConfigKey(name, null, false, "SLA hours for one category, overriding categories.sla_hours."));
    }
    return Optional.ofNullable(KEYS.get(name));
  }
}
