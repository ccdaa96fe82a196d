package org.civicpulse.lake;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsConstants;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system without a process per file: without Hadoop's native library, RawLocalFileSystem
 * runs {@code chmod} for every file it creates and {@code readlink} for every rename through FileContext (Delta's
 * commits), about 200 processes in a one-day dashboard. Here both are Java calls; everything else is Hadoop's.
 * Registered for {@code file:} by SparkSessions (docs/performance.md).
 */
public final class ForklessLocalFileSystem extends LocalFileSystem {
  /** The Hadoop setting for the FileSystem API of {@code file:} and the class to give it. */
  public static final String FS_KEY = "fs.file.impl";
  /** The Hadoop setting for the FileContext API of {@code file:} (Delta's log store) and the class to give it. */
  public static final String CONTEXT_KEY = "fs.AbstractFileSystem.file.impl";

  public ForklessLocalFileSystem() {
    super(new Raw());
  }

  /** The raw (unchecksummed) file system with the two shell calls replaced. */
  public static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission.toShort()));
    }

    /** A file that is no symbolic link has the status {@link #getFileStatus} gives, as Hadoop's own answer is. */
    @Override
    public FileStatus getFileLinkStatus(Path f) throws IOException {
      if (Files.isSymbolicLink(pathToFile(f).toPath())) {
        return super.getFileLinkStatus(f);
      }
      return getFileStatus(f);
    }
  }

  /** The FileContext side: checksummed, over {@link Raw}. */
  public static final class Context extends ChecksumFs {
    public Context(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(new RawContext(uri, conf));
    }
  }

  /** FileContext's raw local file system over {@link Raw}, as Hadoop's RawLocalFs is over RawLocalFileSystem. */
  public static final class RawContext extends DelegateToFileSystem {
    public RawContext(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(FsConstants.LOCAL_FS_URI, new Raw(), conf, FsConstants.LOCAL_FS_URI.getScheme(), false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }

    /** Local names are the operating system's to judge, as in Hadoop's RawLocalFs. */
    @Override
    public boolean isValidName(String src) {
      return true;
    }
  }

  /** The rwx bits of a Hadoop permission (the sticky bit has no local meaning for files). */
  static Set<PosixFilePermission> posix(short mode) {
    PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_READ};
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << i)) != 0) {
        out.add(bits[i]);
      }
    }
    return out;
  }
}
