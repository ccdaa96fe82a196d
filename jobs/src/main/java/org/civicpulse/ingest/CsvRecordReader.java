package org.civicpulse.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.civicpulse.schema.Reasons;

/**
 * Reads RFC 4180 records with their raw text and first physical line number, which Commons CSV does not
 * expose. A quoting error rejects one record instead of the rest of the file: an open quote that would run
 * past {@link #MAX_RECORD_LINES} lines is cut back to its first line and reported as broken quoting. Lines that
 * start with '#' before the first record are comments (a reference file's instructions to whoever fills it in);
 * after it, a '#' is data like any other character.
 */
public final class CsvRecordReader implements Iterator<RawRecord> {
  static final int MAX_RECORD_LINES = 50;

  private final BufferedReader in;
  private final List<String> pushedBack = new ArrayList<>();
  private long nextLineNumber = 1;
  private RawRecord next;
  private boolean first = true;
  private boolean beforeHeader = true;
  /** Set once the end was read: the reader is closed then, and a file ending inside a quote reads on past it. */
  private boolean ended;

  public CsvRecordReader(BufferedReader in) {
    this.in = in;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = readRecord();
    }
    return next != null;
  }

  @Override
  public RawRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RawRecord r = next;
    next = null;
    return r;
  }

  private String readLine() {
    if (!pushedBack.isEmpty()) {
      return pushedBack.remove(0);
    }
    if (ended) {
      return null;
    }
    try {
      String line = in.readLine();
      if (line == null) {
        ended = true;
        in.close();
      }
      if (line != null && first) {
        first = false;
        if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private RawRecord readRecord() {
    String line;
    do {
      line = readLine();
      if (line == null) {
        return null;
      }
      nextLineNumber++;
    } while (line.isBlank() || (beforeHeader && line.startsWith("#")));
    beforeHeader = false;
    long start = nextLineNumber - 1;
    List<String> lines = new ArrayList<>();
    lines.add(line);
    boolean open = quoteOpen(line, false);
    while (open && lines.size() < MAX_RECORD_LINES) {
      String more = readLine();
      if (more == null) {
        break;
      }
      nextLineNumber++;
      lines.add(more);
      open = quoteOpen(more, true);
    }
    if (open) {
      // Unterminated quote: keep only the first line as the broken record and reread the rest.
      pushedBack.addAll(0, lines.subList(1, lines.size()));
      nextLineNumber = start + 1;
      return new RawRecord(start, lines.get(0), null,
          List.of(Reasons.of(Reasons.BROKEN_QUOTING, "a quoted field is never closed")));
    }
    String raw = String.join("\n", lines);
    try {
      return new RawRecord(start, raw, splitFields(raw), List.of());
    } catch (IllegalArgumentException e) {
      return new RawRecord(start, raw, null, List.of(Reasons.of(Reasons.BROKEN_QUOTING, e.getMessage())));
    }
  }

  /** Whether a quote is still open at the end of this line, given the state at its start. */
  private boolean openAtStart;

  private boolean quoteOpen(String line, boolean continuing) {
    boolean open = continuing && openAtStart;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '"') {
        open = !open;
      }
    }
    openAtStart = open;
    return open;
  }

  /** Splits one complete record into fields; a quote in the wrong place is an error. */
  public static List<String> splitFields(String raw) {
    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    int n = raw.length();
    while (true) {
      cur.setLength(0);
      if (i < n && raw.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException("a quoted field is never closed");
          }
          char c = raw.charAt(i++);
          if (c == '"') {
            if (i < n && raw.charAt(i) == '"') {
              cur.append('"');
              i++;
            } else {
              break;
            }
          } else {
            cur.append(c);
          }
        }
        if (i < n && raw.charAt(i) != ',') {
          throw new IllegalArgumentException("text after a closing quote at column " + (i + 1));
        }
      } else {
        while (i < n && raw.charAt(i) != ',') {
          char c = raw.charAt(i++);
          if (c == '"') {
            throw new IllegalArgumentException("a quote inside an unquoted field at column " + i);
          }
          cur.append(c);
        }
      }
      fields.add(cur.toString());
      if (i >= n) {
        return fields;
      }
      i++; // the comma
    }
  }
}
