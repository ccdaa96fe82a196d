package org.civicpulse.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** The ledger of landing files already ingested by `daily` (path, size, SHA-256), in _runs/ingested-files.tsv. */
public final class FileLedger {
  private final Path file;

  public FileLedger(Lake lake) {
    this.file = lake.runs().resolve("ingested-files.tsv");
  }

  /** Entries "path\tsize\tsha256" already recorded. */
  private Set<String> entries() {
    Set<String> out = new HashSet<>();
    if (Files.exists(file)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] p = line.split("\t");
          if (p.length >= 3) {
            out.add(p[0] + "\t" + p[1] + "\t" + p[2]);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** The files whose path, size and content are not in the ledger yet (a changed file counts as new). */
  public List<Path> unseen(List<Path> files) {
    Set<String> seen = entries();
    return files.stream().filter(f -> !seen.contains(key(f))).toList();
  }

  public void record(List<Path> files, String runId) {
    try {
      Files.createDirectories(file.getParent());
      StringBuilder sb = new StringBuilder();
      for (Path f : files) {
        sb.append(key(f)).append('\t').append(runId).append('\n');
      }
      Files.writeString(file, sb.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(Path f) {
    try {
      return f.toAbsolutePath().normalize() + "\t" + Files.size(f) + "\t" + sha256(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
