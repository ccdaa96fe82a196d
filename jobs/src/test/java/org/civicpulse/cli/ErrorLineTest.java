package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

class ErrorLineTest {
  @Test
  void aSparkJobThatRanOutOfExecutionMemorySaysHowToGiveItMore() {
    // The message a 10M-request full-range dashboard failed with in a 4 GB heap (first two lines of it).
    SparkException e = new SparkException("Job aborted due to stage failure: Task 1 in stage 269.0 failed 1 times,"
        + " most recent failure: Lost task 1.0 in stage 269.0 (TID 655) (localhost executor driver):"
        + " org.apache.spark.memory.SparkOutOfMemoryError: [UNABLE_TO_ACQUIRE_MEMORY] Unable to acquire 65536 bytes"
        + " of memory, got 0. SQLSTATE: 53200\nDriver stacktrace:");
    assertThat(CivicPulseCommand.errorLine(e)).isEqualTo(e.getMessage().substring(0, e.getMessage().indexOf('\n'))
        + " (out of memory: give the JVM a larger heap, e.g. scripts/civicpulse --driver-memory 6g, or spark-submit's"
        + " --driver-memory; docs/performance.md)");
  }

  @Test
  void aHeapOutOfMemoryErrorBelowAnotherErrorIsFound() {
    RuntimeException e = new RuntimeException("writing kpis_daily", new OutOfMemoryError("Java heap space"));
    assertThat(CivicPulseCommand.errorLine(e)).isEqualTo("writing kpis_daily" + CivicPulseCommand.MEMORY_HINT);
  }

  @Test
  void anyOtherErrorIsItsFirstLineAlone() {
    assertThat(CivicPulseCommand.errorLine(new IllegalStateException("the lake is locked\nby pid 12")))
        .isEqualTo("the lake is locked");
    assertThat(CivicPulseCommand.errorLine(new IllegalStateException())).isEqualTo("IllegalStateException");
  }
}
