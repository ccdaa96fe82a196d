package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's JVM flags by command and lake size (jvm_run_flags in scripts/lib/common.sh, docs/performance.md). */
class JvmRunFlagsTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final String SHORT = "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m -XX:+UseSerialGC -Xmn512m";
  static final String LARGE = "-XX:Tier4InvocationThreshold=100000 -XX:Tier4MinInvocationThreshold=12000"
      + " -XX:Tier4CompileThreshold=300000 -XX:Tier4BackEdgeThreshold=800000";

  @TempDir
  Path dir;

  @Test
  void aBatchCommandOnASmallLakeRunsShort() throws Exception {
    Path lake = Files.createDirectories(dir.resolve("lake"));
    assertThat(flags(Map.of(), "dashboard", "--date", "2025-12-31", "--lake", lake.toString()))
        .as("an empty lake").isEqualTo(SHORT);
  }

  @Test
  void aBatchCommandOnALakeOf256MiBOrMoreKeepsTheJvmDefaults() throws Exception {
    Path lake = Files.createDirectories(dir.resolve("lake"));
    allocate(lake.resolve("part.parquet"), 256L << 20);
    assertThat(flags(Map.of(), "dashboard", "--lake=" + lake)).as("256 MiB written, --lake=DIR").isEmpty();
    assertThat(flags(Map.of(), "forecast", "--lake", lake.toString())).as("any batch command").isEmpty();
    assertThat(flags(Map.of("CIVICPULSE_JVM", "large"), "dashboard", "--lake", lake.toString())).as("large, asked for")
        .isEqualTo(LARGE);
    assertThat(flags(Map.of("CIVICPULSE_JVM", "short"), "dashboard", "--lake", lake.toString())).as("forced short")
        .isEqualTo(SHORT);
  }

  @Test
  void longLivedJvmsKeepTheJvmDefaults() throws Exception {
    assertThat(flags(Map.of(), "stream", "--lake", dir.toString())).as("a stream").isEmpty();
    assertThat(flags(Map.of(), "serve")).as("a resident session").isEmpty();
    assertThat(flags(Map.of("CIVICPULSE_JVM", "long"), "dashboard", "--lake", dir.toString())).as("forced long").isEmpty();
    assertThat(flags(Map.of("CIVICPULSE_JVM", "large"), "dashboard", "--lake", dir.toString())).as("forced large")
        .isEqualTo(LARGE);
  }

  @Test
  void anUnknownModeSaysSoAndKeepsTheDefaults() throws Exception {
    Launch launch = launch(Map.of("CIVICPULSE_JVM", "fast"), "dashboard");
    assertThat(launch.flags()).as("the JVM defaults").isEmpty();
    assertThat(launch.stderr()).as("one line naming the modes and the value given")
        .matches("\\[\\d\\d:\\d\\d:\\d\\d\\] CIVICPULSE_JVM must be short, large, long or auto, not 'fast'\n");
  }

  @Test
  void aKnownModeSaysNothing() throws Exception {
    assertThat(launch(Map.of("CIVICPULSE_JVM", "large"), "dashboard").stderr()).isEmpty();
  }

  /** Written blocks, not a sparse file: the size is what `du` reports. */
  private static void allocate(Path file, long bytes) throws IOException {
    byte[] block = new byte[1 << 20];
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      for (long written = 0; written < bytes; written += block.length) {
        f.write(block);
      }
    }
  }

  private static String flags(Map<String, String> env, String... args) throws Exception {
    return launch(env, args).flags();
  }

  /** What jvm_run_flags printed: the flags on stdout, anything it said on stderr. */
  record Launch(String flags, String stderr) {}

  private static Launch launch(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", "-c", "source scripts/lib/common.sh && jvm_run_flags \"$@\"", "flags"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
    pb.environment().remove("CIVICPULSE_JVM");
    pb.environment().putAll(env);
    Path err = Files.createTempFile("jvm-run-flags", ".err");
    try {
      pb.redirectError(err.toFile());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertThat(p.waitFor()).as("jvm_run_flags exit").isZero();
      return new Launch(out, Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
