package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicpulse.lake.LakeLock;
import org.civicpulse.lake.RunHistory;
import org.civicpulse.lake.RunRecord;
import org.civicpulse.lake.TableFreshness;
import org.civicpulse.stream.CheckpointLag;
import org.junit.jupiter.api.Test;

/** status's verdict and wording on hand-made facts; now = 2026-03-02 12:00 UTC (20:00 in Shanghai). */
class StatusReportTest {
  private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

  private static RunRecord run(String command, String start, int seconds, int exit, String message) {
    Instant s = Instant.parse(start);
    return new RunRecord("r-" + command + start.substring(11, 13), command, List.of(command), s, s.plusSeconds(seconds),
        exit == 0 ? "success" : "failed", exit, List.of(), message, List.of());
  }

  private static StatusReport report(List<TableFreshness.Reach> tables, List<CheckpointLag.State> checkpoints) {
    RunHistory runs = RunHistory.of(List.of(
        run("daily", "2026-03-02T06:10:00Z", 312, 0, null),
        run("dashboard", "2026-03-01T09:00:00Z", 40, 143, "stopped by a signal (TERM or INT) before it finished"),
        run("daily", "2026-03-01T06:10:00Z", 300, 0, null)));
    return new StatusReport("/data/lake", NOW, ZoneId.of("Asia/Shanghai"), runs,
        Optional.of(new LakeLock.Holder("web1", 4242, "2026-03-02T11:58:00Z", false)), tables, checkpoints, 48, 1000);
  }

  @Test
  void freshTablesAndASmallLagAreHealthy() {
    StatusReport r = report(List.of(
        new TableFreshness.Reach("curated/service_requests", true, Instant.parse("2026-03-02T02:00:00Z")), // 10 h
        new TableFreshness.Reach("marts/kpis_daily", true, Instant.parse("2026-03-01T16:00:00Z")), // end of 03-01 local: 20 h
        new TableFreshness.Reach("marts/forecasts", true, Instant.parse("2026-02-01T16:00:00Z"))), // old, but not checked
        List.of(lagged(999)));
    assertThat(r.problems()).isEmpty();
    assertThat(r.healthy()).isTrue();
    assertThat(r.text()).contains(
        "  daily      2026-03-02 14:10     312 s  exit 0  success\n",
        "last failure: dashboard 2026-03-01 17:00, exit 143: stopped by a signal (TERM or INT) before it finished\n",
        "lock: held by host=web1 pid=4242 since 2026-03-02T11:58:00Z (dead: stale, the next run takes it over)\n",
        "  curated/service_requests       2026-03-02 10:00 10.0 h\n",
        "stream /cp: batch 7 committed 2026-03-02 19:59, lag t/0=999 t/1=0\n",
        "status: healthy\n");
  }

  @Test
  void anOldFactTableAnEmptyMartAMissingRequiredTableABigLagAndADeadBrokerAreProblems() {
    // participation is absent too, but a lake need not have it: no problem.
    StatusReport r = report(List.of(
        new TableFreshness.Reach("curated/service_requests", true, Instant.parse("2026-02-28T11:00:00Z")), // 49 h
        new TableFreshness.Reach("marts/kpis_daily", true, null),
        new TableFreshness.Reach("curated/request_events", false, null),
        new TableFreshness.Reach("curated/participation", false, null)),
        List.of(lagged(1001), new CheckpointLag.State(Path.of("/other"), 3L, NOW, List.of(), "broker b:9092 did not answer: TimeoutException")));
    assertThat(r.problems()).containsExactly(
        "curated/service_requests is 49.0 h old (status.max_age_hours=48)",
        "marts/kpis_daily holds no rows",
        "curated/request_events does not exist yet",
        "stream /cp is 1001 records behind (status.max_lag=1000)",
        "stream /other: broker b:9092 did not answer: TimeoutException");
    Map<String, Object> json = r.json();
    assertThat(json.get("healthy")).isEqualTo(false);
    assertThat(((Map<?, ?>) json.get("runs")).keySet().stream().map(Object::toString).toList())
        .as("the last run of each command, latest last").containsExactly("dashboard", "daily");
    assertThat(((Map<?, ?>) json.get("last_failure")).get("exit")).isEqualTo(143);
    assertThat(((Map<?, ?>) ((List<?>) json.get("checkpoints")).get(0)).get("max_lag")).isEqualTo(1001L);
  }

  private static CheckpointLag.State lagged(long lag) {
    return new CheckpointLag.State(Path.of("/cp"), 7L, Instant.parse("2026-03-02T11:59:00Z"), List.of(
        new CheckpointLag.Partition("t", 0, 100, 100L + lag, lag), new CheckpointLag.Partition("t", 1, 50, 50L, 0L)), null);
  }
}
