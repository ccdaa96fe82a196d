package org.civicpulse.generate;

import java.nio.file.Path;
import java.util.List;

/** Rows written per dataset (malformed and repeated rows included) and the files, in writing order. */
public record GenerateSummary(long requests, long feedback, long participation, long malformed, List<Path> files) {
  public GenerateSummary {
    files = List.copyOf(files);
  }
}
