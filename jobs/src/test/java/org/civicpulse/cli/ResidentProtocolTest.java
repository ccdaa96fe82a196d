package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which command lines the resident session takes, and the request's round trip through its bytes. */
class ResidentProtocolTest {
  private static final Map<String, String> ENV = Map.of("CIVICPULSE_SET_TIMEZONE", "Asia/Shanghai");

  private static ResidentProtocol.Request request(String stamp, String cwd, Map<String, String> env, String... args) {
    return new ResidentProtocol.Request(stamp, cwd, env, List.of(args));
  }

  @Test
  void onlyLakeReadingCommandsFromTheSameBuildFolderAndEnvironmentAreServed() {
    assertThat(ResidentProtocol.refusal(request("b1", "/w", ENV, "dashboard", "--date", "2025-12-31"), "b1", "/w", ENV))
        .isEmpty();
    assertThat(ResidentProtocol.refusal(request("b1", "/w", ENV, "dashboard", "--date", "2025-12-31", "//", "forecast",
        "+", "report", "--date", "2025-12-31"), "b1", "/w", ENV)).as("a chain of served commands").isEmpty();
    assertThat(ResidentProtocol.refusal(request("b1", "/w", ENV, "ingest", "--landing", "x", "+", "dashboard"), "b1",
        "/w", ENV)).hasValue("'ingest' runs in a JVM of its own (the session runs dashboard, forecast, report, status)");
    assertThat(ResidentProtocol.refusal(request("b2", "/w", ENV, "dashboard"), "b1", "/w", ENV))
        .hasValue("the session runs another build of civicpulse");
    assertThat(ResidentProtocol.refusal(request("b1", "/elsewhere", ENV, "dashboard"), "b1", "/w", ENV))
        .hasValue("the session runs in /w, not in /elsewhere");
    assertThat(ResidentProtocol.refusal(request("b1", "/w", Map.of(), "dashboard"), "b1", "/w", ENV))
        .hasValue("CIVICPULSE_SET_* or CIVICPULSE_MASTER differ from the session's");
    assertThat(ResidentProtocol.refusal(request("b1", "/w", ENV), "b1", "/w", ENV)).hasValue("no command");
  }

  @Test
  void theCommandsOfAChainAreTheFirstWordOfEachPart() {
    assertThat(ResidentProtocol.commands(List.of("dashboard", "--from", "a", "+", "forecast", "//", "report", "--date", "d")))
        .containsExactly("dashboard", "forecast", "report");
    assertThat(ResidentProtocol.commands(List.of("--help"))).containsExactly("--help");
  }

  @Test
  void onlyConfigOverridesAndTheMasterOfTheEnvironmentCount() {
    assertThat(ResidentProtocol.relevantEnv(Map.of("CIVICPULSE_SET_LAKE", "/l", "CIVICPULSE_MASTER", "local[2]",
        "CIVICPULSE_JVM", "long", "HOME", "/root", "CIVICPULSE_PSEUDONYM_KEY", "secret")))
        .containsExactly(Map.entry("CIVICPULSE_MASTER", "local[2]"), Map.entry("CIVICPULSE_SET_LAKE", "/l"));
  }

  @Test
  void aRequestReadsBackAsItWasWritten() throws Exception {
    ResidentProtocol.Request r = request("123:456", "/w", ENV, "report", "--date", "2025-12-31", "--out", "报告 dir");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    r.write(bytes);
    assertThat(ResidentProtocol.Request.read(new ByteArrayInputStream(bytes.toByteArray()))).isEqualTo(r);
  }
}
