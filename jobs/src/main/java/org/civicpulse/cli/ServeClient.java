package org.civicpulse.cli;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Sends a command line to the resident session (`civicpulse serve`) and relays its output and exit code; exits
 * {@link ResidentProtocol#NOT_SERVED} when no session answers or it declines, so scripts/civicpulse starts a JVM.
 * Usage: {@code ServeClient SOCKET JAR COMMAND [ARGS…]}.
 */
public final class ServeClient {
  private ServeClient() {}

  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println("usage: ServeClient SOCKET JAR COMMAND [ARGS…]");
      System.exit(ExitCodes.BAD_INPUT);
    }
    List<String> command = Arrays.asList(args).subList(2, args.length);
    System.exit(send(Path.of(args[0]), ResidentProtocol.stamp(Path.of(args[1])), command, System.out, System.err));
  }

  /** Sends the command line; its exit code, or NOT_SERVED. */
  static int send(Path socket, String stamp, List<String> command, PrintStream out, PrintStream err) {
    try {
      String problem = SocketFolder.problem(socket.getParent());
      if (problem != null) {
        err.println("civicpulse: not using the resident session: " + problem);
        return ResidentProtocol.NOT_SERVED;
      }
    } catch (IOException noFolder) {
      return ResidentProtocol.NOT_SERVED;
    }
    ResidentProtocol.Request request = new ResidentProtocol.Request(stamp, Path.of("").toAbsolutePath().toString(),
        ResidentProtocol.relevantEnv(System.getenv()), command);
    SocketChannel channel;
    try {
      channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    } catch (ConnectException stale) {
      // A socket file nothing listens on was left by a session that was killed: removed, so that the launcher
      // sees no session and may start one.
      try {
        Files.deleteIfExists(socket);
      } catch (IOException leftAlone) {
        // The next client tries again.
      }
      return ResidentProtocol.NOT_SERVED;
    } catch (IOException noSession) {
      return ResidentProtocol.NOT_SERVED;
    }
    try (channel) {
      request.write(Channels.newOutputStream(channel));
      return relay(new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel))), out, err);
    } catch (EOFException ended) {
      err.println("civicpulse: the resident session ended before the command did; see its log");
      return ExitCodes.FAILED;
    } catch (IOException e) {
      err.println("civicpulse: the resident session failed: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }

  /** Asks the session to stop; 0 when it did, 1 when none answered. */
  static int stop(Path socket, PrintStream err) {
    int code = send(socket, "", List.of(ResidentProtocol.STOP), System.out, err);
    if (code == ResidentProtocol.NOT_SERVED) {
      err.println("civicpulse serve: no session answers on " + socket);
      return ExitCodes.FAILED;
    }
    err.println("civicpulse serve: stopped the session on " + socket);
    return code;
  }

  private static int relay(DataInputStream in, PrintStream out, PrintStream err) throws IOException {
    while (true) {
      byte kind = in.readByte();
      switch (kind) {
        case ResidentProtocol.OUT, ResidentProtocol.ERR -> {
          byte[] b = new byte[in.readInt()];
          in.readFully(b);
          PrintStream to = kind == ResidentProtocol.OUT ? out : err;
          to.write(b, 0, b.length);
          to.flush();
        }
        case ResidentProtocol.EXIT -> {
          return in.readInt();
        }
        case ResidentProtocol.REFUSED -> {
          err.println("civicpulse: running this in a JVM of its own: " + in.readUTF());
          return ResidentProtocol.NOT_SERVED;
        }
        default -> throw new IOException("unexpected frame " + kind);
      }
    }
  }
}
