package org.civicpulse.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** A run's phases with the Spark jobs and tasks each submitted, and job descriptions grouped without their numbers. */
class RunProfileTest {
  @Test
  void numbersInDescriptionsAreGroupedAway() {
    assertThat(RunProfile.normalise("Delta: Compute snapshot for version: 12")).isEqualTo("Delta: Compute snapshot for version: N");
    assertThat(RunProfile.normalise(null)).isEqualTo("(no description)");
    assertThat(RunProfile.normalise("x".repeat(100))).hasSize(91).endsWith("…");
  }

  @Test
  void jobsAndTasksCountTowardThePhaseThatSubmittedThem() throws Exception {
    SparkSession spark = SharedSpark.get();
    RunProfile profile = new RunProfile();
    profile.attach(spark.sparkContext());
    profile.phase("count ten rows");
    // One job: a partial count in each of the range's 2 partitions, then 1 task that adds them up.
    assertThat(spark.range(0, 10, 1, 2).count()).isEqualTo(10);
    profile.phase("idle");
    spark.sparkContext().listenerBus().waitUntilEmpty();
    profile.detach();
    spark.range(0, 10, 1, 2).count();
    spark.sparkContext().listenerBus().waitUntilEmpty();

    List<Map<String, Object>> phases = profile.summary();
    assertThat(phases).extracting(p -> p.get("phase")).containsExactly("start", "count ten rows", "idle");
    assertThat(phases.get(1)).as("the counting phase").containsEntry("spark_jobs", 1).containsEntry("spark_tasks", 3);
    assertThat(phases.get(2)).as("idle, and the job after detach is not counted")
        .containsEntry("spark_jobs", 0).containsEntry("spark_tasks", 0);
    assertThat(profile.render()).contains("1 Spark jobs, 3 tasks").contains("count ten rows");
  }

  @Test
  void twoProfilesOnOneContextCountOnlyTheirOwnJobs() throws Exception {
    // Commands joined by '//' run on threads of one SparkContext, and each one's listener hears every job.
    SparkSession spark = SharedSpark.get();
    RunProfile first = new RunProfile();
    first.attach(spark.sparkContext());
    first.phase("first counts");
    RunProfile[] second = new RunProfile[1];
    Thread beside = new Thread(() -> {
      second[0] = new RunProfile();
      second[0].attach(spark.sparkContext());
      second[0].phase("second counts");
      // 4 partitions: 4 partial counts and 1 task that adds them up.
      spark.range(0, 10, 1, 4).count();
      try {
        spark.sparkContext().listenerBus().waitUntilEmpty();
      } catch (java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException(e);
      }
      second[0].detach();
    });
    beside.start();
    beside.join();
    spark.range(0, 10, 1, 2).count();
    spark.sparkContext().listenerBus().waitUntilEmpty();
    first.detach();

    assertThat(first.summary().get(1)).as("the first profile: its own job only")
        .containsEntry("spark_jobs", 1).containsEntry("spark_tasks", 3);
    assertThat(second[0].summary().get(1)).as("the second profile: its own job only")
        .containsEntry("spark_jobs", 1).containsEntry("spark_tasks", 5);
  }
}
