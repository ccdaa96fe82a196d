package org.civicpulse.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.civicpulse.lake.DeltaStore;
import org.civicpulse.lake.Lake;
import org.civicpulse.report.LiveData;
import org.civicpulse.schema.Marts;
import org.civicpulse.schema.Schemas;
import org.civicpulse.stream.LiveMarts;

/** Reads the stream's live marts into what the live page shows (null when the stream has written none yet). */
final class LiveInputs {
  /** An alert stays on the page for two hours after its window starts (the last full hour and the current one). */
  private static final int ALERT_HOURS = 2;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private final DeltaStore store;
  private final Lake lake;
  private final ZoneId zone;

  LiveInputs(DeltaStore store, Lake lake, ZoneId zone) {
    this.store = store;
    this.lake = lake;
    this.zone = zone;
  }

  LiveData load() {
    if (!store.exists(lake.mart(Marts.LIVE_BACKLOG)) || !store.exists(lake.mart(Marts.LIVE_VOLUME))) {
      return null;
    }
    Row asOf = store.read(lake.mart(Marts.LIVE_BACKLOG), null).selectExpr("max(as_of)").first();
    if (asOf.isNullAt(0)) {
      return null;
    }
    java.sql.Timestamp now = asOf.getTimestamp(0);
    List<LiveData.Backlog> backlog = store.read(lake.mart(Marts.LIVE_BACKLOG), null)
        .groupBy("community_id").sum("open_requests").orderBy("community_id").collectAsList().stream()
        .map(r -> new LiveData.Backlog(r.getString(0), r.getLong(1))).toList();
    List<LiveData.Volume> volume = store.read(lake.mart(Marts.LIVE_VOLUME), null)
        .groupBy("community_id", "category").sum("volume").orderBy("community_id", "category").collectAsList().stream()
        .map(r -> new LiveData.Volume(r.getString(0), r.getString(1), r.getLong(2))).toList();
    List<LiveData.Alert> alerts = List.of();
    if (store.exists(lake.mart(Marts.ALERTS))) {
      alerts = store.read(lake.mart(Marts.ALERTS), null)
          .filter(org.apache.spark.sql.functions.col("window_start")
              .geq(new java.sql.Timestamp(now.getTime() - ALERT_HOURS * 3_600_000L)))
          .orderBy(org.apache.spark.sql.functions.col("volume").desc(), org.apache.spark.sql.functions.col("alert_id"))
          .select("community_id", "category", "window_start", "volume", "baseline_median", "z")
          .collectAsList().stream()
          .map(r -> new LiveData.Alert(r.getString(0), r.getString(1), local(r.getTimestamp(2)), r.getLong(3),
              r.getDouble(4), r.isNullAt(5) ? null : r.getDouble(5)))
          .toList();
    }
    return new LiveData(local(now), backlog, volume, alerts);
  }

  /** community_id → display name, for the page. */
  Map<String, String> communityNames(String lang) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!store.exists(lake.curated(Schemas.COMMUNITIES))) {
      return out;
    }
    for (Row r : store.read(lake.curated(Schemas.COMMUNITIES), null).select("community_id", "name", "name_zh").collectAsList()) {
      String zh = r.getString(2);
      out.put(r.getString(0), lang.equals("zh") && zh != null && !zh.isBlank() ? zh : r.getString(1));
    }
    return out;
  }

  private String local(java.sql.Timestamp t) {
    return t.toInstant().atZone(zone).format(TIME);
  }
}
