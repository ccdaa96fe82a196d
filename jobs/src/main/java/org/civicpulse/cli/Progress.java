package org.civicpulse.cli;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import org.civicpulse.lake.RunProfile;

/** Our own progress lines on stderr, timestamped, so cron logs show where time went. */
public final class Progress implements Consumer<String> {
  private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");
  private final String command;
  private final RunProfile profile;

  public Progress(String command) {
    this(command, null);
  }

  /** Each line also starts a new phase of {@code profile} (may be null). */
  public Progress(String command, RunProfile profile) {
    this.command = command;
    this.profile = profile;
  }

  @Override
  public void accept(String message) {
    System.err.println("[" + HMS.format(LocalTime.now()) + "] civicpulse " + command + ": " + message);
    System.err.flush();
    if (profile != null) {
      profile.phase(message);
    }
  }
}
