package org.civicpulse.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes _runs records as one small JSON file per run, readable by people and by cron checks. */
public final class RunLog {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private final Path folder;

  public RunLog(Lake lake) {
    this.folder = lake.runs();
  }

  public Path write(RunRecord record) {
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve(STAMP.format(record.start()) + "-" + record.command() + "-" + record.runId() + ".json");
      mapper().writeValue(file.toFile(), record);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write run record in " + folder, e);
    }
  }

  static ObjectMapper mapper() {
    return new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }
}
