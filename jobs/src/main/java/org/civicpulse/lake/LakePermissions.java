package org.civicpulse.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/** Restricts a folder to its owner: the quarantine holds raw personal data waiting for repair. */
public final class LakePermissions {
  private LakePermissions() {}

  public static void ownerOnly(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> s = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restrict permissions of " + folder, e);
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (e.g. some mounted shares): nothing to restrict with here.
    }
  }
}
