package org.civicpulse.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.civicpulse.schema.TableSchema;
import org.civicpulse.schema.ValidationContext;

/** Reads a dataset's landing files in parallel (one task per file) into staged rows. */
public final class LandingReader {
  private LandingReader() {}

  /** Reads canonical landing files: CSV, or JSON Lines by extension. */
  public static Dataset<Row> read(SparkSession spark, List<Path> files, TableSchema schema, ValidationContext ctx) {
    return read(spark, files, schema, ctx, null);
  }

  /** As {@link #read}; a non-null adapter reads every file in its source format instead of CSV / JSON Lines. */
  public static Dataset<Row> read(SparkSession spark, List<Path> files, TableSchema schema, ValidationContext ctx,
      LandingAdapter adapter) {
    if (files.isEmpty()) {
      return spark.createDataFrame(List.of(), StagedRows.schema(schema));
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      index.put(files.get(i).toString(), i);
    }
    String paths = String.join(",", files.stream().map(Path::toString).toList());
    RecordStager stager = new RecordStager(schema, ctx);
    List<String> landingNames = schema.landingFieldNames();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows = jsc.binaryFiles(paths, files.size()).flatMap(file -> {
      String local = Path.of(URI.create(file._1()).getPath()).toString();
      try {
        // The reader stays open while Spark pulls rows; it is closed when the task's input stream is.
        BufferedReader r = LandingFiles.reader(LandingFiles.open(file._2().open(), local));
        java.util.Iterator<RawRecord> records = adapter != null ? adapter.records(r)
            : LandingFiles.isJsonLines(local)
            ? new JsonLinesRecordReader(r, landingNames) : new CsvRecordReader(r);
        return stager.stageFile(records, local, index.getOrDefault(local, 0));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + local, e);
      }
    });
    return spark.createDataFrame(rows, StagedRows.schema(schema));
  }
}
