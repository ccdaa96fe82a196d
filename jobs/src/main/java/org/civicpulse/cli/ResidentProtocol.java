package org.civicpulse.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a client and the resident session (`civicpulse serve`, docs/performance.md) say to each other over their
 * socket, and which requests the session takes. JDK classes only: the client is a JVM of its own that must start
 * in a fraction of a second.
 *
 * <p>A request: the protocol name, the build's stamp, the working folder, the environment that reaches a
 * command's config, then the command line. The answer: frames of the command's stdout ('O') and stderr ('E'),
 * then its exit code ('X'); or one refusal ('R') with the reason, when the client should run the command in a
 * JVM of its own.
 */
public final class ResidentProtocol {
  static final String NAME = "civicpulse-serve/1";
  /** The commands a resident session runs: they read the lake and write marts or a report, never ingest. */
  static final Set<String> SERVED = Set.of("dashboard", "forecast", "report", "status");
  static final byte OUT = 'O';
  static final byte ERR = 'E';
  static final byte EXIT = 'X';
  static final byte REFUSED = 'R';
  /** The client's exit code when the session did not run the command: scripts/civicpulse then starts a JVM. */
  public static final int NOT_SERVED = 75;
  /** The request that ends the session. */
  static final String STOP = "--stop-session";

  private ResidentProtocol() {}

  /** A command line sent to the session, with what decides whether it may run there. */
  record Request(String stamp, String cwd, Map<String, String> env, List<String> args) {
    void write(OutputStream os) throws IOException {
      DataOutputStream out = new DataOutputStream(os);
      out.writeUTF(NAME);
      out.writeUTF(stamp);
      out.writeUTF(cwd);
      out.writeInt(env.size());
      for (Map.Entry<String, String> e : env.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeUTF(e.getValue());
      }
      out.writeInt(args.size());
      for (String a : args) {
        out.writeUTF(a);
      }
      out.flush();
    }

    static Request read(InputStream is) throws IOException {
      DataInputStream in = new DataInputStream(is);
      if (!NAME.equals(in.readUTF())) {
        throw new IOException("not a " + NAME + " request");
      }
      String stamp = in.readUTF();
      String cwd = in.readUTF();
      Map<String, String> env = new TreeMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        env.put(in.readUTF(), in.readUTF());
      }
      List<String> args = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        args.add(in.readUTF());
      }
      return new Request(stamp, cwd, env, List.copyOf(args));
    }
  }

  /**
   * The part of an environment a command reads: config overrides (CIVICPULSE_SET_*) and the Spark master the
   * launcher passes. A session serves only clients whose part equals its own.
   */
  static Map<String, String> relevantEnv(Map<String, String> env) {
    Map<String, String> out = new TreeMap<>();
    env.forEach((k, v) -> {
      if (k.startsWith("CIVICPULSE_SET_") || k.equals("CIVICPULSE_MASTER")) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** Size and modification time of the build's jar: a session started from another build refuses. */
  static String stamp(Path jar) {
    try {
      return Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
    } catch (IOException e) {
      return "unknown:" + jar;
    }
  }

  /** Why the session given as (stamp, cwd, env) must not run the request, or empty when it may. */
  static Optional<String> refusal(Request r, String stamp, String cwd, Map<String, String> env) {
    if (!r.stamp().equals(stamp)) {
      return Optional.of("the session runs another build of civicpulse");
    }
    if (!r.cwd().equals(cwd)) {
      return Optional.of("the session runs in " + cwd + ", not in " + r.cwd());
    }
    if (!r.env().equals(env)) {
      return Optional.of("CIVICPULSE_SET_* or CIVICPULSE_MASTER differ from the session's");
    }
    List<String> commands = commands(r.args());
    if (commands.isEmpty()) {
      return Optional.of("no command");
    }
    for (String c : commands) {
      if (!SERVED.contains(c)) {
        return Optional.of("'" + c + "' runs in a JVM of its own (the session runs "
            + String.join(", ", SERVED.stream().sorted().toList()) + ")");
      }
    }
    return Optional.empty();
  }

  /** The command names of a command line or chain: the first word of each part between '+' and '//'. */
  static List<String> commands(List<String> args) {
    List<String> out = new ArrayList<>();
    boolean expect = true;
    for (String a : args) {
      if (a.equals(CivicPulseCommand.THEN) || a.equals(CivicPulseCommand.BESIDE)) {
        expect = true;
      } else if (expect) {
        out.add(a);
        expect = false;
      }
    }
    return out;
  }
}
