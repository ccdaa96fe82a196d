package org.civicpulse.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** One landing CSV file (gzip when named .gz) that counts its physical lines, so the manifest can name them. */
final class CsvSink implements Closeable {
  private final CSVPrinter printer;
  private final BufferedWriter raw;
  private long line = 1; // the header
  private long records;

  CsvSink(Path file, String[] header) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    var out = Files.newOutputStream(file);
    // Java's GZIP header has mtime 0, so a rerun is byte-identical.
    raw = new BufferedWriter(new OutputStreamWriter(file.toString().endsWith(".gz") ? new GZIPOutputStream(out, 1 << 16) : out,
        StandardCharsets.UTF_8), 1 << 16);
    printer = new CSVPrinter(raw, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(header).get());
  }

  /** Writes a valid record; returns its first physical line. */
  long write(Object... values) throws IOException {
    long at = ++line;
    records++;
    printer.printRecord(values);
    return at;
  }

  /** Writes one physical line as is (a malformed record). */
  long writeRaw(String text) throws IOException {
    long at = ++line;
    records++;
    raw.write(text);
    raw.write('\n');
    return at;
  }

  long records() {
    return records;
  }

  @Override
  public void close() throws IOException {
    printer.close();
  }
}
