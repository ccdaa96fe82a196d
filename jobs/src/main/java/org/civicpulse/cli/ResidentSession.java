package org.civicpulse.cli;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.civicpulse.ingest.InputException;

/**
 * The resident session behind `civicpulse serve`: one JVM, its Spark session and its compiled code kept warm,
 * running the command lines clients send over a Unix socket, one at a time, with their output and exit code sent
 * back. Only the user who started it can reach the socket (its folder is theirs alone).
 */
final class ResidentSession implements AutoCloseable {
  private final Path socket;
  private final ServerSocketChannel server;
  private final Duration idleLimit;
  private final String stamp;
  private final String cwd;
  private final Map<String, String> env;
  private final ToIntFunction<String[]> commands;
  private final PrintStream log;
  private volatile long idleSince = System.nanoTime();
  private volatile boolean busy;

  private ResidentSession(Path socket, ServerSocketChannel server, Duration idleLimit, String stamp, String cwd,
      Map<String, String> env, ToIntFunction<String[]> commands, PrintStream log) {
    this.socket = socket;
    this.server = server;
    this.idleLimit = idleLimit;
    this.stamp = stamp;
    this.cwd = cwd;
    this.env = env;
    this.commands = commands;
    this.log = log;
  }

  /**
   * Binds the socket (its folder created owner-only, or refused when others may enter it). A socket file left by
   * a session that ended without removing it is replaced; one a live session answers on is an error.
   */
  static ResidentSession bind(Path socket, Duration idleLimit, String stamp, String cwd, Map<String, String> env,
      ToIntFunction<String[]> commands, PrintStream log) throws IOException {
    SocketFolder.prepare(socket.getParent());
    if (Files.exists(socket)) {
      try (SocketChannel live = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
        throw new InputException("a resident session already serves " + socket + " (stop it: civicpulse serve --stop)");
      } catch (IOException gone) {
        Files.delete(socket);
      }
    }
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    return new ResidentSession(socket, server, idleLimit, stamp, cwd, env, commands, log);
  }

  /** Work the session does while no command waits, paused while one runs (the warm-up). */
  interface IdleWork {
    IdleWork NONE = new IdleWork() {
      @Override
      public void resume() {}

      @Override
      public void pause() {}
    };

    /** Starts or goes on with the work in the background. */
    void resume();

    /** Stops the work and returns once nothing of it runs. */
    void pause() throws InterruptedException;

    /** Whether a command runs faster here than in a JVM of its own yet (a session warming up is slower). */
    default boolean ready() {
      return true;
    }

    /** Pauses, and goes on no sooner than {@code d} after, whatever {@link #resume()} says meanwhile. */
    default void yieldFor(Duration d) throws InterruptedException {
      pause();
    }
  }

  /** How long a command declined because the session is not ready yet has the cores to itself: a one-day run. */
  static final Duration YIELD_TO_OWN_JVM = Duration.ofSeconds(30);

  /** Serves until a stop request, a client of another build, or the idle limit; returns the requests run. */
  int serve() throws IOException {
    return serve(IdleWork.NONE);
  }

  /** As {@link #serve()}, doing {@code idle} whenever no command runs. */
  int serve(IdleWork idle) throws IOException {
    Thread watchdog = new Thread(this::closeWhenIdle, "civicpulse-serve-idle");
    watchdog.setDaemon(true);
    watchdog.start();
    int served = 0;
    try {
      while (true) {
        SocketChannel client;
        idle.resume();
        try {
          client = server.accept();
        } catch (AsynchronousCloseException idleTooLong) {
          log.println("civicpulse serve: idle for " + idleLimit.toMinutes() + " min: stopping");
          return served;
        }
        busy = true;
        try {
          Outcome o = handle(client, idle);
          served += o == Outcome.RAN ? 1 : 0;
          if (o == Outcome.STOP) {
            return served;
          }
        } finally {
          idleSince = System.nanoTime();
          busy = false;
        }
      }
    } finally {
      watchdog.interrupt();
      pause(idle, null);
    }
  }

  /** Pauses the idle work, for at least {@code d} when one is given. */
  private static void pause(IdleWork idle, Duration d) throws IOException {
    try {
      if (d == null) {
        idle.pause();
      } else {
        idle.yieldFor(d);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while pausing the session's idle work");
    }
  }

  /** What became of a request: run, not run (declined, or the client went away), or the end of the session. */
  private enum Outcome { RAN, NOT_RUN, STOP }

  private Outcome handle(SocketChannel client, IdleWork idle) {
    try (client) {
      ResidentProtocol.Request r = ResidentProtocol.Request.read(Channels.newInputStream(client));
      Frames frames = new Frames(new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client))));
      if (r.args().equals(List.of(ResidentProtocol.STOP))) {
        log.println("civicpulse serve: stop requested");
        frames.exit(ExitCodes.OK);
        return Outcome.STOP;
      }
      Optional<String> refusal = ResidentProtocol.refusal(r, stamp, cwd, env);
      if (refusal.isPresent()) {
        log.println("civicpulse serve: refused " + String.join(" ", r.args()) + ": " + refusal.get());
        frames.refuse(refusal.get());
        // A client of a newer build: this session's code is stale, and the next `serve` should start the new one.
        return r.stamp().equals(stamp) ? Outcome.NOT_RUN : Outcome.STOP;
      }
      if (!idle.ready()) {
        // Cold, a session runs a command slower than a JVM of its own does: that JVM gets the cores meanwhile.
        log.println("civicpulse serve: declined " + String.join(" ", r.args()) + ": still warming up");
        frames.refuse("the session is still warming itself up");
        pause(idle, YIELD_TO_OWN_JVM);
        return Outcome.NOT_RUN;
      }
      pause(idle, null);
      long start = System.nanoTime();
      int code = run(r.args(), frames);
      frames.exit(code);
      log.printf("civicpulse serve: %s → exit %d in %.1f s%n", String.join(" ", r.args()), code,
          (System.nanoTime() - start) / 1e9);
      return Outcome.RAN;
    } catch (IOException e) {
      log.println("civicpulse serve: a client went away: " + e.getMessage());
      return Outcome.NOT_RUN;
    }
  }

  /** Runs a command line with System.out and System.err sent to the client (one command at a time). */
  private int run(List<String> args, Frames frames) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    System.setOut(frames.stream(ResidentProtocol.OUT));
    System.setErr(frames.stream(ResidentProtocol.ERR));
    try {
      return commands.applyAsInt(args.toArray(new String[0]));
    } catch (RuntimeException e) {
      System.err.println("civicpulse: error: " + e);
      return ExitCodes.FAILED;
    } finally {
      System.out.flush();
      System.err.flush();
      System.setOut(out);
      System.setErr(err);
    }
  }

  private void closeWhenIdle() {
    try {
      while (server.isOpen()) {
        Thread.sleep(Math.min(10_000, Math.max(100, idleLimit.toMillis() / 10)));
        if (!busy && System.nanoTime() - idleSince > idleLimit.toNanos()) {
          server.close();
        }
      }
    } catch (InterruptedException | IOException stop) {
      // The session is ending.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    Files.deleteIfExists(socket);
  }

  /** The answer's frames: a kind byte, then a length and bytes, or an exit code, or a refusal's reason. */
  private static final class Frames {
    private final DataOutputStream out;

    Frames(DataOutputStream out) {
      this.out = out;
    }

    PrintStream stream(byte kind) {
      return new PrintStream(new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          synchronized (out) {
            out.writeByte(kind);
            out.writeInt(len);
            out.write(b, off, len);
          }
        }

        @Override
        public void flush() throws IOException {
          synchronized (out) {
            out.flush();
          }
        }
      }, true, StandardCharsets.UTF_8);
    }

    void exit(int code) throws IOException {
      synchronized (out) {
        out.writeByte(ResidentProtocol.EXIT);
        out.writeInt(code);
        out.flush();
      }
    }

    void refuse(String reason) throws IOException {
      synchronized (out) {
        out.writeByte(ResidentProtocol.REFUSED);
        out.writeUTF(reason);
        out.flush();
      }
    }
  }
}
