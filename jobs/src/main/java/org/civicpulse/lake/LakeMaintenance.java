package org.civicpulse.lake;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Lake upkeep: OPTIMIZE and VACUUM every Delta table, and retention of _runs records and dated report folders. */
public final class LakeMaintenance {
  /** Delta's own retention check (delta.deletedFileRetentionDuration default, 7 days): never vacuum below it. */
  public static final double MIN_RETENTION_HOURS = 168.0;
  private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** What one table's upkeep did. */
  public record TableResult(Path table, int filesBefore, int filesAfter) {}

  private final DeltaStore store;
  private final Lake lake;

  public LakeMaintenance(DeltaStore store, Lake lake) {
    this.store = store;
    this.lake = lake;
  }

  /** Every Delta table of the lake that exists: curated/*, marts/*, state/* and quarantine. */
  public List<Path> tables() {
    List<Path> out = new ArrayList<>();
    for (Path parent : List.of(lake.root().resolve("curated"), lake.root().resolve("marts"), lake.root().resolve("state"))) {
      if (Files.isDirectory(parent)) {
        try (Stream<Path> s = Files.list(parent)) {
          s.filter(p -> Files.isDirectory(p.resolve("_delta_log"))).sorted().forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    if (Files.isDirectory(lake.quarantine().resolve("_delta_log"))) {
      out.add(lake.quarantine());
    }
    return out;
  }

  /** Compacts small files, then vacuums files unreferenced for longer than retentionHours (at least 168). */
  public TableResult optimizeAndVacuum(Path table, double retentionHours) {
    if (retentionHours < MIN_RETENTION_HOURS) {
      throw new IllegalArgumentException("vacuum retention " + retentionHours + " h is below Delta's safe minimum of "
          + MIN_RETENTION_HOURS + " h (readers of older versions would lose files)");
    }
    // quarantine purge turns the check off for its own session; maintain must never run without it.
    store.spark().conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "true");
    int before = liveFiles(table);
    DeltaTable t = DeltaTable.forPath(store.spark(), table.toString());
    t.optimize().executeCompaction();
    // Delta's vacuum println()s "Deleted N files…" to stdout, which must hold only the command's summary line.
    scala.Console.withOut(java.io.OutputStream.nullOutputStream(), () -> t.vacuum(retentionHours));
    return new TableResult(table, before, liveFiles(table));
  }

  private int liveFiles(Path table) {
    return store.spark().read().format("delta").load(table.toString()).inputFiles().length;
  }

  /** Deletes _runs records that started before the cutoff (by the stamp in the file name); returns how many. */
  public int trimRuns(Instant cutoff) {
    Path runs = lake.runs();
    if (!Files.isDirectory(runs)) {
      return 0;
    }
    int n = 0;
    try (Stream<Path> s = Files.list(runs)) {
      for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        String name = f.getFileName().toString();
        if (name.length() < 16 || !name.endsWith(".json")) {
          continue;
        }
        Instant start;
        try {
          start = Instant.from(RUN_STAMP.parse(name.substring(0, 16)));
        } catch (DateTimeParseException e) {
          continue; // not a run record: leave it alone
        }
        if (start.isBefore(cutoff)) {
          Files.delete(f);
          n++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot trim " + runs, e);
    }
    return n;
  }

  /**
   * Deletes folders named yyyy-MM-dd under a report root whose date is before the cutoff; latest/, index.html
   * and anything not named like a date are never touched. Returns how many folders were removed.
   */
  public static int trimDatedFolders(Path root, LocalDate cutoff) {
    if (root == null || !Files.isDirectory(root)) {
      return 0;
    }
    int n = 0;
    try (Stream<Path> s = Files.list(root)) {
      for (Path d : (Iterable<Path>) s.filter(Files::isDirectory)::iterator) {
        LocalDate date;
        try {
          date = LocalDate.parse(d.getFileName().toString());
        } catch (DateTimeParseException e) {
          continue;
        }
        if (date.isBefore(cutoff)) {
          FileTrees.delete(d);
          n++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot trim " + root, e);
    }
    return n;
  }
}
