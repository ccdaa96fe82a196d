package org.civicpulse.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.regexp_extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.civicpulse.ingest.CsvRecordReader;
import org.civicpulse.ingest.InputException;
import org.civicpulse.ingest.LandingFiles;
import org.civicpulse.lake.LakePermissions;
import org.civicpulse.lake.QuarantineStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** quarantine list | export --out DIR | purge --older-than 30d. */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
    description = {"Inspect, export or purge rejected records.",
        "list: counts per dataset and reason; export: landing files (original header + raw rows) to fix and ingest again;",
        "purge: delete rows older than an age and vacuum their files for good."})
public final class QuarantineCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ACTION", description = "list, export or purge")
  Action action;
  @Option(names = "--out", paramLabel = "DIR", description = "export: folder to write landing files into.")
  Path out;
  @Option(names = "--older-than", paramLabel = "AGE", description = "purge: age such as 30d or 12h.")
  String olderThan;

  /** What to do with the quarantine. */
  enum Action { list, export, purge }

  @Override
  public Integer call() throws Exception {
    return CommandRunner.run("quarantine", common, spec.commandLine().getParseResult().originalArgs(), action != Action.list, ctx -> {
      QuarantineStore q = new QuarantineStore(ctx.store(), ctx.lake);
      switch (action) {
        case list -> list(q);
        case export -> export(q, ctx);
        case purge -> {
          if (olderThan == null) {
            throw new InputException("purge needs --older-than AGE (e.g. 30d)");
          }
          long n = q.purgeOlderThan(parseAge(olderThan));
          System.out.println("quarantine purged=" + n);
        }
        default -> throw new IllegalStateException();
      }
      return ExitCodes.OK;
    });
  }

  private void list(QuarantineStore q) {
    List<Row> rows = q.read()
        .withColumn("reason", explode(col("reasons")))
        .withColumn("code", regexp_extract(col("reason"), "^([a-z_]+)", 1))
        .groupBy("dataset", "code").count().orderBy("dataset", "code").collectAsList();
    System.out.println("dataset,reason,records");
    for (Row r : rows) {
      System.out.println(r.getString(0) + "," + r.getString(1) + "," + r.getLong(2));
    }
  }

  private void export(QuarantineStore q, RunContext ctx) throws IOException {
    if (out == null) {
      throw new InputException("export needs --out DIR");
    }
    Files.createDirectories(out);
    Map<String, List<Row>> bySource = new LinkedHashMap<>();
    for (Row r : q.read().orderBy("dataset", "source", "line").select("dataset", "source", "line", "raw", "reasons").collectAsList()) {
      bySource.computeIfAbsent(r.getString(0) + "\u0001" + r.getString(1), k -> new java.util.ArrayList<>()).add(r);
    }
    int n = 0;
    for (Map.Entry<String, List<Row>> e : bySource.entrySet()) {
      String[] key = e.getKey().split("\u0001", 2);
      String prefix = key[0].equals("service_requests") ? "requests" : key[0];
      Path file = out.resolve(prefix + "-quarantine-" + (++n) + ".csv");
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        w.write(header(Path.of(key[1])) + "\n");
        for (Row r : e.getValue()) {
          w.write(r.getString(3) + "\n");
        }
      }
    }
    LakePermissions.ownerOnly(out);
    ctx.progress.accept("exported " + bySource.values().stream().mapToInt(List::size).sum() + " records into " + n + " file(s) in " + out);
    System.out.println("quarantine exported_files=" + n + " out=" + out.toAbsolutePath());
  }

  private static String header(Path source) throws IOException {
    if (!Files.isRegularFile(source)) {
      throw new InputException("cannot export: the source file " + source + " is gone, so its header is unknown");
    }
    try (BufferedReader r = LandingFiles.reader(source)) {
      return new CsvRecordReader(r).next().raw();
    }
  }

  static Duration parseAge(String age) {
    Matcher m = Pattern.compile("(\\d+)([dh])").matcher(age.trim());
    if (!m.matches()) {
      throw new InputException("bad --older-than '" + age + "': use e.g. 30d or 12h");
    }
    long n = Long.parseLong(m.group(1));
    return m.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n);
  }
}
