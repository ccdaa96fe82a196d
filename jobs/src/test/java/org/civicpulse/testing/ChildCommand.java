package org.civicpulse.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A civicpulse command (org.civicpulse.Main) in a JVM of its own, with the test JVM's classpath and its
 * surefire flags (the --add-opens list of STACK.md): a process a test can really kill, SIGKILL included.
 * stdout and stderr go to files next to each other, read back for assertions and failure messages.
 */
public final class ChildCommand implements AutoCloseable {
  /** Flags of the test JVM worth passing on (surefire's argLine); the heap is set smaller below. */
  private static final List<String> INHERITED = List.of("--add-opens", "-XX:+IgnoreUnrecognizedVMOptions",
      "-Dio.netty", "-XX:TieredStopAtLevel", "-Duser.timezone", "-Djava.awt.headless");
  private final Process process;
  private final Path out;
  private final Path err;

  private ChildCommand(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts `Main args…` with its output in logDir/name.out and name.err. */
  public static ChildCommand start(Path logDir, String name, List<String> args) throws IOException {
    Files.createDirectories(logDir);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> INHERITED.stream().anyMatch(a::startsWith)).forEach(cmd::add);
    // Two local cores, as SharedSpark; no UI port to fight over with other JVMs on the machine.
    cmd.addAll(List.of("-Xmx1g", "-Dspark.master=local[2]", "-Dspark.ui.enabled=false",
        "-cp", System.getProperty("java.class.path"), "org.civicpulse.Main"));
    cmd.addAll(args);
    Path out = logDir.resolve(name + ".out");
    Path err = logDir.resolve(name + ".err");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return new ChildCommand(pb.start(), out, err);
  }

  /** Kills it if it still runs: a failed test must not leave a stream behind on a shared machine. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no finally block, a batch cut wherever it was. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM (the stream's hook waits for the batch in progress); the exit status, or -1 after the timeout. */
  public int terminate(long seconds) throws InterruptedException {
    process.destroy();
    return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  /** The exit status, or -1 when it still runs after the timeout (then it is killed). */
  public int waitFor(long seconds) throws InterruptedException {
    if (process.waitFor(seconds, TimeUnit.SECONDS)) {
      return process.exitValue();
    }
    kill();
    return -1;
  }

  public String stdout() throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  /** The last lines of stderr, for failure messages. */
  public String stderrTail() throws IOException {
    List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
