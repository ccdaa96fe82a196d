package org.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The service files start the command README documents, with options the stream command accepts, and stop it with TERM in time. */
class ServiceFilesTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void theSystemdUnitAndTheSupervisordProgramRunTheDocumentedStreamCommand() throws Exception {
    String unit = read("scripts/service/civicpulse-stream.service");
    String supervisord = read("scripts/service/civicpulse-stream.supervisord.conf");
    String command = value(unit, "ExecStart");
    String readme = read("README.md");

    assertThat(readme.lines()).as("README documents the unit's ExecStart line").contains(command);
    assertThat(value(supervisord, "command")).as("supervisord execs the same command")
        .endsWith("exec " + command + "'");
    List<String> words = Arrays.asList(command.split(" "));
    assertThat(words.get(0)).endsWith("/scripts/civicpulse");
    CommandLine.ParseResult parsed = new CommandLine(new CivicPulseCommand()).parseArgs(
        words.subList(1, words.size()).toArray(new String[0]));
    assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("stream");
    assertThat(parsed.subcommand().matchedOptions()).extracting(o -> o.longestName())
        .containsExactly("--lake", "--checkpoint");
  }

  @Test
  void bothStopWithTermAndWaitLongerThanTheStreamsOwnGrace() throws Exception {
    String unit = read("scripts/service/civicpulse-stream.service");
    String supervisord = read("scripts/service/civicpulse-stream.supervisord.conf");
    long grace = org.civicpulse.stream.StreamJob.STOP_GRACE_SECONDS;
    assertThat(value(unit, "KillSignal")).isEqualTo("SIGTERM");
    assertThat(value(unit, "KillMode")).as("TERM to the launcher only; it passes it on").isEqualTo("mixed");
    assertThat(value(unit, "Restart")).isEqualTo("on-failure");
    assertThat(Long.parseLong(value(unit, "TimeoutStopSec"))).isGreaterThan(grace);
    assertThat(value(supervisord, "stopsignal")).isEqualTo("TERM");
    assertThat(Long.parseLong(value(supervisord, "stopwaitsecs"))).isGreaterThan(grace);
  }

  private static String read(String rel) throws Exception {
    return Files.readString(ROOT.resolve(rel), StandardCharsets.UTF_8);
  }

  /** The value of the one line "key=value" (comments never match: they start with # or ;). */
  private static String value(String file, String key) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "=(.*)$").matcher(file);
    assertThat(m.find()).as(key + " in the file").isTrue();
    return m.group(1).trim();
  }
}
