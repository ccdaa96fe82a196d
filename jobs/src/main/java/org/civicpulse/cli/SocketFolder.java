package org.civicpulse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;
import org.civicpulse.ingest.InputException;

/** The folder of the resident session's socket: the user's alone, so no one else can send it commands or answer as it. */
final class SocketFolder {
  private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
      PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

  private SocketFolder() {}

  /** Creates the folder owner-only if missing; refuses one another user owns or others may enter. */
  static void prepare(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.setPosixFilePermissions(dir, OWNER_ONLY);
    }
    String problem = problem(dir);
    if (problem != null) {
      throw new InputException(problem);
    }
  }

  /** Why the folder is not safe for the socket, or null. */
  static String problem(Path dir) throws IOException {
    UserPrincipal me = currentUser();
    UserPrincipal owner = Files.getOwner(dir);
    if (!owner.equals(me)) {
      return "the socket folder " + dir + " belongs to " + owner.getName() + ", not to " + me.getName();
    }
    if (!OWNER_ONLY.containsAll(Files.getPosixFilePermissions(dir))) {
      return "the socket folder " + dir + " is open to other users (chmod 700 it)";
    }
    return null;
  }

  /**
   * The user this process runs as: the owner of a file it creates. {@code user.name} would do on most machines,
   * but in a container whose user has no passwd entry it is "?" while files are owned by the numeric uid.
   */
  private static UserPrincipal currentUser() throws IOException {
    Path probe = Files.createTempFile("civicpulse-owner", ".tmp");
    try {
      return Files.getOwner(probe);
    } finally {
      Files.deleteIfExists(probe);
    }
  }
}
