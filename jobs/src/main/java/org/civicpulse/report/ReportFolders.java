package org.civicpulse.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.civicpulse.lake.FileTrees;

/**
 * Folder moves that keep a report readable at every instant: pages are written into a hidden staging
 * sibling and moved into place by rename, so a run killed half way leaves the previous dated report and
 * the previous latest/ untouched (at worst, a hidden leftover that the next run removes).
 */
final class ReportFolders {
  static final String LATEST = "latest";

  private ReportFolders() {}

  /** A fresh hidden staging folder next to the final one (same file system, so rename is cheap). */
  static Path stage(Path outRoot, String name) throws IOException {
    Files.createDirectories(outRoot);
    return Files.createTempDirectory(outRoot, "." + name + ".tmp-");
  }

  /**
   * Copies files of a previous dated folder that this writer does not own (another section's pages,
   * e.g. forecast*.html and its charts) into the staging folder, so a daily rerun does not drop them.
   */
  static List<String> carryOver(Path oldDated, Path staging, Predicate<String> owned) throws IOException {
    List<String> kept = new ArrayList<>();
    if (!Files.isDirectory(oldDated)) {
      return kept;
    }
    try (Stream<Path> files = Files.walk(oldDated)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String rel = oldDated.relativize(f).toString().replace('\\', '/');
        Path target = staging.resolve(rel);
        if (!owned.test(rel) && !Files.exists(target)) {
          Files.createDirectories(target.getParent());
          Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
          kept.add(rel);
        }
      }
    }
    return kept;
  }

  /**
   * Moves staging to outRoot/name, replacing an existing folder: the old one is renamed aside first,
   * then staging is renamed in, then the old one is deleted. Only the instant between the two renames
   * lacks the folder; {@link #recover} restores it if a run dies exactly there.
   */
  static Path swapIn(Path outRoot, String name, Path staging) throws IOException {
    Path target = outRoot.resolve(name);
    Path aside = null;
    if (Files.exists(target)) {
      aside = outRoot.resolve("." + name + ".old-" + System.nanoTime());
      move(target, aside);
    }
    move(staging, target);
    if (aside != null) {
      FileTrees.delete(aside);
    }
    return target;
  }

  /** Replaces outRoot/latest by a real copy of the dated folder (not a link: it must survive a USB copy). */
  static Path replaceLatest(Path outRoot, Path dated) throws IOException {
    Path staging = stage(outRoot, LATEST);
    copyTree(dated, staging);
    return swapIn(outRoot, LATEST, staging);
  }

  /**
   * Undoes what a killed earlier run left: a folder renamed aside but not replaced comes back, and
   * leftover staging or aside folders are removed.
   */
  static void recover(Path outRoot) throws IOException {
    if (!Files.isDirectory(outRoot)) {
      return;
    }
    List<Path> hidden;
    try (Stream<Path> s = Files.list(outRoot)) {
      hidden = s.filter(p -> p.getFileName().toString().startsWith(".")).sorted().toList();
    }
    for (Path p : hidden) {
      String n = p.getFileName().toString();
      int old = n.indexOf(".old-");
      if (old > 1) {
        Path target = outRoot.resolve(n.substring(1, old));
        if (!Files.exists(target)) {
          move(p, target);
          continue;
        }
      }
      if (old > 1 || n.contains(".tmp-")) {
        FileTrees.delete(p);
      }
    }
  }

  /** Dated report folders (yyyy-MM-dd), newest first. */
  static List<LocalDate> datedReports(Path outRoot) throws IOException {
    List<LocalDate> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(outRoot)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (!Files.isDirectory(p)) {
          continue;
        }
        try {
          out.add(LocalDate.parse(p.getFileName().toString()));
        } catch (DateTimeParseException e) {
          // latest/, staging folders and anything a user put there are not dated reports.
        }
      }
    }
    out.sort(Comparator.reverseOrder());
    return out;
  }

  /** Writes a file through a temporary sibling and a rename, so readers never see half a page. */
  static void writeAtomically(Path file, String content) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("cannot move " + from + " to " + to + ": target exists", e);
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      s.forEach(p -> {
        try {
          Path t = to.resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(t);
          } else {
            Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
