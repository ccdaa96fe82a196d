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

  public static Dataset<Row> read(SparkSession spark, List<Path> files, TableSchema schema, ValidationContext ctx) {
    return read(spark, files, schema, ctx, false);
  }

  /** As {@link #read}, with open311 = true reading every file as Open311 GeoReport v2 JSON. */
  public static Dataset<Row> read(SparkSession spark, List<Path> files, TableSchema schema, ValidationContext ctx,
      boolean open311) {
    return read(spark, files, schema, ctx, open311, null);
  }

  /** As {@link #read}; a non-null city311 mapping reads every file as a city CSV export mapped by it. */
  public static Dataset<Row> read(SparkSession spark, List<Path> files, TableSchema schema, ValidationContext ctx,
      boolean open311, City311Mapping city311) {
    LandingAdapter adapter = city311 != null ? in -> new City311Reader(in, city311)
        : open311 ? in -> new Open311Reader(in, Open311Reader.DEFAULT_GRID) : null;
    return read(spark, files, schema, ctx, adapter);
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
