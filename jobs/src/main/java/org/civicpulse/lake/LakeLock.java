package org.civicpulse.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An exclusive lock file (host, pid, start) for batch runs. Works on a local file system only: on a shared
 * one, create-if-absent is not atomic everywhere and a pid means nothing on another host.
 */
public final class LakeLock implements AutoCloseable {
  /** Lock files held for commands run side by side in this process ('//'), with how many of them hold each. */
  private static final Map<Path, Integer> SHARED = new HashMap<>();

  private final Path file;
  /** The key in {@link #SHARED}, or null for a lock of its own. */
  private final Path sharedAs;

  private LakeLock(Path file, Path sharedAs) {
    this.file = file;
    this.sharedAs = sharedAs;
  }

  /**
   * The lock for one of several commands that run side by side in this process: the first takes the lock file
   * as {@link #acquire} does, the others share it, and the last to close releases it. Another process, and a
   * plain {@link #acquire} in this one, is refused while any of them holds it.
   */
  public static LakeLock acquireShared(Path file, Consumer<String> warn) {
    Path key = file.toAbsolutePath().normalize();
    synchronized (SHARED) {
      if (!SHARED.containsKey(key)) {
        acquire(file, warn);
      }
      SHARED.merge(key, 1, Integer::sum);
      return new LakeLock(file, key);
    }
  }

  public static LakeLock acquire(Path file, Consumer<String> warn) {
    try {
      Files.createDirectories(file.getParent());
      String me = host() + " " + ProcessHandle.current().pid() + " " + Instant.now();
      for (int attempt = 0; attempt < 2; attempt++) {
        try {
          Files.writeString(Files.createFile(file), me, StandardCharsets.UTF_8);
          return new LakeLock(file, null);
        } catch (FileAlreadyExistsException e) {
          String holder = readHolder(file);
          if (holder != null && isStaleLocal(holder)) {
            warn.accept("taking over a stale lock of a dead process: " + holder);
            Files.deleteIfExists(file);
            continue;
          }
          throw new LockHeldException("lake is locked by another run: " + describe(holder) + " (lock file " + file + ")");
        }
      }
      throw new LockHeldException("could not take the lake lock " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create lock file " + file, e);
    }
  }

  /**
   * Who holds a lock file: host, pid, start, and whether that process is alive — null when it is on another
   * host (a pid means nothing there). Empty when the lock is free.
   */
  public record Holder(String host, long pid, String since, Boolean alive) {}

  public static java.util.Optional<Holder> holder(Path file) {
    try {
      String h = readHolder(file);
      if (h == null) {
        return java.util.Optional.empty();
      }
      String[] p = h.split(" ");
      long pid = p.length > 1 && p[1].matches("\\d+") ? Long.parseLong(p[1]) : -1;
      Boolean alive = p.length > 0 && p[0].equals(host()) ? !isStaleLocal(h) : null;
      return java.util.Optional.of(new Holder(p[0], pid, p.length > 2 ? p[2] : "", alive));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lock file " + file, e);
    }
  }

  private static String readHolder(Path file) throws IOException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  static boolean isStaleLocal(String holder) {
    String[] parts = holder.split(" ");
    if (parts.length < 2 || !parts[0].equals(host())) {
      return false;
    }
    try {
      long pid = Long.parseLong(parts[1]);
      return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String describe(String holder) {
    if (holder == null) {
      return "unknown holder";
    }
    String[] p = holder.split(" ");
    return p.length >= 3 ? "host=" + p[0] + " pid=" + p[1] + " started=" + p[2] : holder;
  }

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  @Override
  public void close() {
    if (sharedAs != null) {
      synchronized (SHARED) {
        if (SHARED.merge(sharedAs, -1, Integer::sum) > 0) {
          return;
        }
        SHARED.remove(sharedAs);
        deleteFile();
      }
      return;
    }
    deleteFile();
  }

  private void deleteFile() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
