package org.civicpulse.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.civicpulse.ingest.LandingFiles;
import org.civicpulse.schema.Schemas;
import picocli.CommandLine.Option;

/** The landing inputs of the fact datasets (--requests, --feedback, --participation), shared by ingest and replay. */
public final class FactFileOptions {
  @Option(names = "--requests", paramLabel = "PATH", description = "Service requests: a file or a folder.")
  Path requests;
  @Option(names = "--feedback", paramLabel = "PATH", description = "Feedback: a file or a folder.")
  Path feedback;
  @Option(names = "--participation", paramLabel = "PATH", description = "Participation: a file or a folder.")
  Path participation;

  /** Adds the files of every dataset given (a folder expands to its landing files). */
  void putInto(Map<String, List<Path>> files) {
    put(files, Schemas.SERVICE_REQUESTS, requests);
    put(files, Schemas.FEEDBACK, feedback);
    put(files, Schemas.PARTICIPATION, participation);
  }

  /** The folders (or files) given. */
  List<Path> given() {
    return java.util.Arrays.asList(requests, feedback, participation);
  }

  static void put(Map<String, List<Path>> files, String ds, Path given) {
    if (given != null) {
      files.put(ds, LandingFiles.expand(given));
    }
  }
}
