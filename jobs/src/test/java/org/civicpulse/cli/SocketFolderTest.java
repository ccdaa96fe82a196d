package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.civicpulse.ingest.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The socket's folder is accepted only when it is the user's alone. */
class SocketFolderTest {
  @TempDir Path tmp;

  @Test
  void aFolderOthersMayEnterIsRefusedAndAMissingOneIsMadeOwnerOnly() throws Exception {
    Path open = Files.createDirectory(tmp.resolve("open"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(SocketFolder.problem(open)).isEqualTo("the socket folder " + open + " is open to other users (chmod 700 it)");
    assertThatThrownBy(() -> SocketFolder.prepare(open)).isInstanceOf(InputException.class);

    Path made = tmp.resolve("a").resolve("b");
    SocketFolder.prepare(made);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rwx------");
    assertThat(SocketFolder.problem(made)).isNull();
  }
}
