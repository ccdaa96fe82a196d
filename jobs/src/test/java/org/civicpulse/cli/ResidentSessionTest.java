package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.civicpulse.lake.Lake;
import org.civicpulse.schema.Marts;
import org.civicpulse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident session over a real Unix socket, running real commands on a real lake: what a command writes and
 * prints through it is what it writes and prints in a JVM of its own; what it declines is not run.
 */
class ResidentSessionTest {
  private static final String STAMP = "test-build";
  @TempDir Path tmp;

  @Test
  void commandsRunInTheSessionAsInAJvmOfTheirOwn() throws Exception {
    Lake own = new Lake(tmp.resolve("lake-own"));
    Lake served = new Lake(tmp.resolve("lake-served"));
    Path landing = TestLakes.ingested(tmp, own, 400, 2, "2025-04-01", "2025-06-30", 3);
    Path config = tmp.resolve("civicpulse.properties");
    LocalClusterIT.copyTree(own.root(), served.root());
    Path socket = tmp.resolve("run").resolve("s.sock");

    try (ResidentSession session = start(socket)) {
      CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> serve(session));
      Answer dash = send(socket, STAMP, "dashboard", "--date", "2025-06-30", "--lake", served.root().toString(),
          "--config", config.toString());
      assertThat(dash.code()).as(dash.err()).isZero();
      assertThat(dash.err()).as("progress comes back on stderr").contains("civicpulse dashboard: kpis_daily 2025-06-30");
      assertThat(CivicPulseCommand.execute(new String[] {"dashboard", "--date", "2025-06-30", "--lake",
          own.root().toString(), "--config", config.toString()})).isZero();
      TestLakes.assertSameMarts(own, served, Marts.DAILY);
      assertThat(SharedSpark.get().read().format("delta").load(served.mart(Marts.KPIS_DAILY).toString()).count())
          .as("kpis_daily written").isPositive();

      Answer typo = send(socket, STAMP, "dashboard", "--date", "2025-13-01", "--lake", served.root().toString());
      assertThat(typo.code()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(typo.err().lines().toList()).as("one line naming the bad argument").hasSize(1)
          .first().asString().startsWith("civicpulse dashboard: error: ").contains("2025-13-01");

      long runs = runRecords(served);
      Answer ingest = send(socket, STAMP, "ingest", "--landing", landing.toString(), "--lake", served.root().toString(),
          "--dev-key");
      assertThat(ingest.code()).isEqualTo(ResidentProtocol.NOT_SERVED);
      assertThat(ingest.err()).contains("'ingest' runs in a JVM of its own");
      assertThat(runRecords(served)).as("the declined ingest did not run").isEqualTo(runs);

      assertThat(ServeClient.stop(socket, new PrintStream(new ByteArrayOutputStream()))).isZero();
      assertThat(serving.get(30, TimeUnit.SECONDS)).as("commands run: the dashboard and the typo").isEqualTo(2);
    }
    assertThat(Files.exists(socket)).as("the socket is removed").isFalse();
    assertThat(send(socket, STAMP, "status").code()).as("no session: the launcher starts a JVM")
        .isEqualTo(ResidentProtocol.NOT_SERVED);
  }

  @Test
  void aCommandOfAnotherBuildEndsTheSession() throws Exception {
    Path socket = tmp.resolve("run").resolve("s.sock");
    try (ResidentSession session = start(socket)) {
      CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> serve(session));
      Answer stale = send(socket, "newer-build", "status", "--lake", tmp.toString());
      assertThat(stale.code()).isEqualTo(ResidentProtocol.NOT_SERVED);
      assertThat(stale.err()).contains("the session runs another build of civicpulse");
      assertThat(serving.get(30, TimeUnit.SECONDS)).as("ended without running a command").isZero();
    }
    assertThat(Files.getPosixFilePermissions(socket.getParent())).as("the socket folder is its owner's alone")
        .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
            java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
  }

  @Test
  void aSocketLeftByAKilledSessionIsRemovedByTheNextClient() throws Exception {
    Path socket = tmp.resolve("run").resolve("s.sock");
    SocketFolder.prepare(socket.getParent());
    try (java.nio.channels.ServerSocketChannel gone = java.nio.channels.ServerSocketChannel.open(
        java.net.StandardProtocolFamily.UNIX)) {
      gone.bind(java.net.UnixDomainSocketAddress.of(socket));
    }
    assertThat(Files.exists(socket)).as("closing a bound socket leaves its file").isTrue();
    assertThat(send(socket, STAMP, "status").code()).isEqualTo(ResidentProtocol.NOT_SERVED);
    assertThat(Files.exists(socket)).as("the stale socket is gone").isFalse();
  }

  @Test
  void theIdleWorkIsPausedWhileACommandRuns() throws Exception {
    Path socket = tmp.resolve("run").resolve("s.sock");
    RecordingIdle idle = new RecordingIdle(true);
    try (ResidentSession session = recording(socket, idle.events)) {
      CompletableFuture<Integer> serving = serving(session, idle);
      assertThat(send(socket, STAMP, "status", "--lake", "x").code()).as("the command's own code").isEqualTo(3);
      assertThat(ServeClient.stop(socket, new PrintStream(new ByteArrayOutputStream()))).isZero();
      assertThat(serving.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    }
    assertThat(idle.events).containsExactly("resume", "pause", "status --lake x", "resume", "pause");
  }

  @Test
  void aSessionStillWarmingUpDeclinesAndYieldsTheCores() throws Exception {
    Path socket = tmp.resolve("run").resolve("s.sock");
    RecordingIdle cold = new RecordingIdle(false);
    try (ResidentSession session = recording(socket, cold.events)) {
      CompletableFuture<Integer> serving = serving(session, cold);
      Answer declined = send(socket, STAMP, "dashboard", "--date", "2025-12-31");
      assertThat(declined.code()).isEqualTo(ResidentProtocol.NOT_SERVED);
      assertThat(declined.err()).isEqualTo(
          "civicpulse: running this in a JVM of its own: the session is still warming itself up\n");
      assertThat(ServeClient.stop(socket, new PrintStream(new ByteArrayOutputStream()))).isZero();
      assertThat(serving.get(30, TimeUnit.SECONDS)).as("nothing ran").isZero();
    }
    assertThat(cold.events).containsExactly("resume", "yield 30 s", "resume", "pause");
  }

  /** Idle work that only records what the session asked of it, ready or not. */
  private static final class RecordingIdle implements ResidentSession.IdleWork {
    final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final boolean ready;

    RecordingIdle(boolean ready) {
      this.ready = ready;
    }

    @Override
    public void resume() {
      events.add("resume");
    }

    @Override
    public void pause() {
      events.add("pause");
    }

    @Override
    public boolean ready() {
      return ready;
    }

    @Override
    public void yieldFor(Duration d) {
      events.add("yield " + d.toSeconds() + " s");
    }
  }

  /** A session whose commands are recorded in {@code events} and exit 3. */
  private static ResidentSession recording(Path socket, List<String> events) throws Exception {
    return ResidentSession.bind(socket, Duration.ofMinutes(5), STAMP, Path.of("").toAbsolutePath().toString(),
        ResidentProtocol.relevantEnv(System.getenv()), line -> {
          events.add(String.join(" ", line));
          return 3;
        }, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private static CompletableFuture<Integer> serving(ResidentSession session, ResidentSession.IdleWork idle) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return session.serve(idle);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static ResidentSession start(Path socket) throws Exception {
    return ResidentSession.bind(socket, Duration.ofMinutes(5), STAMP, Path.of("").toAbsolutePath().toString(),
        ResidentProtocol.relevantEnv(System.getenv()), CivicPulseCommand::execute,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private static int serve(ResidentSession session) {
    try {
      return session.serve();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  record Answer(int code, String out, String err) {}

  private static Answer send(Path socket, String stamp, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ServeClient.send(socket, stamp, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Answer(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static long runRecords(Lake lake) throws Exception {
    try (Stream<Path> s = Files.list(lake.runs())) {
      return s.count();
    }
  }
}
