package org.civicpulse.generate;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one dataset as {@code <prefix>-YYYY.csv.gz} files, one per calendar year, and tracks the physical line
 * each record starts on (header = line 1) so the manifest can point at planted malformed rows.
 */
final class YearlyCsvWriter implements AutoCloseable {
  static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  /** Per-file counts the manifest reports. */
  static final class FileStats {
    final String name;
    final String dataset;
    long rows;
    long malformed;
    long unchanged;
    long updated;
    long nextLine = 2;

    FileStats(String name, String dataset) {
      this.name = name;
      this.dataset = dataset;
    }
  }

  private final Path dir;
  private final String prefix;
  private final String dataset;
  private final String[] header;
  // Years in order: the summary's file list and the manifest follow it.
  private final TreeMap<Integer, Open> printers = new TreeMap<>();

  /**
   * CSVPrinter appends field by field; into a synchronised Writer that cost more than the gzip itself, so it
   * prints into a StringBuilder that goes to the file in 64 KB pieces.
   */
  private record Open(CSVPrinter printer, StringBuilder buffer, Writer out) {
    void drainIfFull() throws IOException {
      if (buffer.length() >= 1 << 16) {
        drain();
      }
    }

    void drain() throws IOException {
      out.append(buffer);
      buffer.setLength(0);
    }
  }
  private final TreeMap<Integer, FileStats> stats = new TreeMap<>();

  YearlyCsvWriter(Path dir, String prefix, String dataset, String[] header) {
    this.dir = dir;
    this.prefix = prefix;
    this.dataset = dataset;
    this.header = header;
  }

  String fileName(int year) {
    return prefix + "-" + year + ".csv.gz";
  }

  FileStats stats(int year) throws IOException {
    printer(year);
    return stats.get(year);
  }

  /** Writes one record; returns the line it starts on. */
  long write(int year, String[] fields) throws IOException {
    Open o = printer(year);
    FileStats s = stats.get(year);
    long line = s.nextLine;
    o.printer().printRecord((Object[]) fields);
    o.drainIfFull();
    long lines = 1;
    for (String f : fields) {
      for (int i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) {
        lines++;
      }
    }
    s.nextLine += lines;
    s.rows++;
    return line;
  }

  /** Writes one physical line as is (for rows that must break RFC 4180); returns its line number. */
  long writeRaw(int year, String rawLine) throws IOException {
    if (rawLine.indexOf('\n') >= 0 || rawLine.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a raw row must be one physical line");
    }
    Open o = printer(year);
    FileStats s = stats.get(year);
    long line = s.nextLine;
    // CSVPrinter has just ended a record, so appending to its output keeps the file's structure.
    o.buffer().append(rawLine).append('\n');
    o.drainIfFull();
    s.nextLine++;
    s.rows++;
    return line;
  }

  private Open printer(int year) throws IOException {
    Open p = printers.get(year);
    if (p == null) {
      Files.createDirectories(dir);
      // GZIPOutputStream writes a zero mtime: the same rows give the same bytes. Deflate dominated the run
      // time at the default level; level 1 is ~3x faster for files ~25 % larger.
      GZIPOutputStream gz = new GZIPOutputStream(
          new BufferedOutputStream(Files.newOutputStream(dir.resolve(fileName(year))), 1 << 16), 1 << 16) {
        {
          def.setLevel(Deflater.BEST_SPEED);
        }
      };
      Writer w = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), 1 << 16);
      StringBuilder buffer = new StringBuilder(1 << 17);
      p = new Open(new CSVPrinter(buffer, FORMAT), buffer, w);
      p.printer().printRecord((Object[]) header);
      printers.put(year, p);
      stats.put(year, new FileStats(fileName(year), dataset));
    }
    return p;
  }

  List<FileStats> allStats() {
    return new ArrayList<>(stats.values());
  }

  List<Path> files() {
    List<Path> out = new ArrayList<>();
    for (Integer y : printers.keySet()) {
      out.add(dir.resolve(fileName(y)));
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Map.Entry<Integer, Open> e : printers.entrySet()) {
      try {
        e.getValue().drain();
        e.getValue().out().close();
      } catch (IOException ex) {
        if (first == null) {
          first = ex;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
