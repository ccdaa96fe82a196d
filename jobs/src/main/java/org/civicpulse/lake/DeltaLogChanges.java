package org.civicpulse.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;

/**
 * Answers "did any commit after version v change data in a partition below a bound?" from a Delta table's
 * commit files, so a summary built at v can be trusted without rereading the table.
 */
public final class DeltaLogChanges {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SparkSession spark;

  public DeltaLogChanges(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * True when a commit in (after, upTo] adds or removes data (dataChange = true; OPTIMIZE rewrites do not
   * count) in a partition whose value of {@code column} sorts before {@code bound}, or when a commit file in
   * that span is gone (log cleanup): then nothing can be proven and the caller must rebuild.
   */
  public boolean changedBelow(Path table, long after, long upTo, String column, String bound) {
    if (upTo <= after) {
      return false;
    }
    List<String> commits = new ArrayList<>();
    for (long v = after + 1; v <= upTo; v++) {
      commits.add(table.resolve("_delta_log").resolve(String.format("%020d.json", v)).toUri().toString());
    }
    List<String> lines;
    try {
      // Spark's reader works on whatever file system holds the lake (local, HDFS, object stores).
      lines = spark.read().text(commits.toArray(new String[0])).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    } catch (Exception e) {
      if (e instanceof AnalysisException) {
        return true;
      }
      throw e;
    }
    try {
      for (String line : lines) {
        if (touchesBelow(line, column, bound)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse the Delta log of " + table, e);
    }
  }

  /** One commit line (an action): does it change data below the bound? */
  public static boolean touchesBelow(String actionLine, String column, String bound) throws IOException {
    JsonNode action = JSON.readTree(actionLine);
    for (String kind : new String[] {"add", "remove"}) {
      JsonNode file = action.get(kind);
      if (file == null || !file.path("dataChange").asBoolean(true)) {
        continue;
      }
      JsonNode value = file.path("partitionValues").get(column);
      // A file without the partition value (unpartitioned table) could hold anything.
      if (value == null || value.isNull() || value.asText().compareTo(bound) < 0) {
        return true;
      }
    }
    return false;
  }
}
