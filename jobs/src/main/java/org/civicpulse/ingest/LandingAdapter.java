package org.civicpulse.ingest;

import java.io.BufferedReader;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * A source format read by an adapter instead of the canonical landing readers (Open311, city CSV exports, survey
 * and participation sources). It yields a synthetic canonical header first, then one {@link RawRecord} per source
 * record, so staging, validation, quarantine and counting stay those of canonical landing files. Adapters run
 * inside Spark tasks, hence Serializable.
 */
public interface LandingAdapter extends Serializable {
  /** The records of one file, header first; the reader is closed when the records end. */
  Iterator<RawRecord> records(BufferedReader in);

  /** Whether a file found under a folder given on the command line belongs to this format. */
  default boolean accepts(Path file) {
    return LandingFiles.isLandingFile(file);
  }
}
