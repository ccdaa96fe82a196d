package org.civicpulse.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local file system without shell calls: permissions, link status and FileContext's rename as Hadoop's own. */
class ForklessLocalFileSystemTest {
  @TempDir java.nio.file.Path tmp;

  @Test
  void permissionsAreTheModesBits() throws Exception {
    ForklessLocalFileSystem.Raw fs = new ForklessLocalFileSystem.Raw();
    fs.initialize(java.net.URI.create("file:///"), new Configuration());
    java.nio.file.Path f = Files.writeString(tmp.resolve("a.txt"), "x");
    fs.setPermission(new Path(f.toUri()), new FsPermission((short) 0640));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");
    fs.setPermission(new Path(f.toUri()), new FsPermission((short) 01755));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as("sticky bit dropped")
        .isEqualTo("rwxr-xr-x");
  }

  @Test
  void linkStatusIsTheFilesStatusForAFileAndTheLinkForALink() throws Exception {
    ForklessLocalFileSystem.Raw fs = new ForklessLocalFileSystem.Raw();
    fs.initialize(java.net.URI.create("file:///"), new Configuration());
    java.nio.file.Path file = Files.writeString(tmp.resolve("f.txt"), "12345");
    java.nio.file.Path link = Files.createSymbolicLink(tmp.resolve("l"), file);
    FileStatus s = fs.getFileLinkStatus(new Path(file.toUri()));
    assertThat(s.getLen()).isEqualTo(5);
    assertThat(s.isFile()).isTrue();
    assertThat(s.isSymlink()).isFalse();
    // A link is Hadoop's own business (its answer depends on whether symbolic links are enabled): the same answer.
    org.apache.hadoop.fs.RawLocalFileSystem hadoops = new org.apache.hadoop.fs.RawLocalFileSystem();
    hadoops.initialize(java.net.URI.create("file:///"), new Configuration());
    FileStatus l = fs.getFileLinkStatus(new Path(link.toUri()));
    FileStatus h = hadoops.getFileLinkStatus(new Path(link.toUri()));
    assertThat(l.isSymlink()).isEqualTo(h.isSymlink());
    assertThat(l.getLen()).isEqualTo(h.getLen());
    assertThat(l.getPath()).isEqualTo(h.getPath());
    assertThatThrownBy(() -> fs.getFileLinkStatus(new Path(tmp.resolve("missing").toUri())))
        .isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void sparksHadoopSettingsGiveFileContextAChecksummedRenameWithoutOverwrite() throws Exception {
    Configuration conf = SharedSpark.get().sparkContext().hadoopConfiguration();
    FileContext fc = FileContext.getFileContext(java.net.URI.create("file:///"), conf);
    assertThat(fc.getDefaultFileSystem()).isInstanceOf(ForklessLocalFileSystem.Context.class);
    Path a = new Path(tmp.resolve("a.json").toUri());
    Path b = new Path(tmp.resolve("b.json").toUri());
    try (FSDataOutputStream out = fc.create(a, java.util.EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE))) {
      out.writeBytes("{}");
    }
    fc.rename(a, b, Options.Rename.NONE);
    assertThat(Files.readString(tmp.resolve("b.json"))).isEqualTo("{}");
    assertThat(Files.exists(tmp.resolve(".b.json.crc"))).as("the checksum moved with it").isTrue();
    try (FSDataOutputStream out = fc.create(a, java.util.EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE))) {
      out.writeBytes("{1}");
    }
    assertThatThrownBy(() -> fc.rename(a, b, Options.Rename.NONE)).as("a commit never overwrites another")
        .isInstanceOf(org.apache.hadoop.fs.FileAlreadyExistsException.class);
    assertThat(org.apache.hadoop.fs.FileSystem.get(java.net.URI.create("file:///"), conf))
        .isInstanceOf(ForklessLocalFileSystem.class);
  }
}
