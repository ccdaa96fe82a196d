package org.civicpulse.ingest;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import org.civicpulse.schema.Schemas;

/** Real feedback and participation sources (issue 7): the dataset each one feeds and how its files are read. */
public enum SourceFormat implements LandingAdapter {
  /** Kansas City, MO Resident Satisfaction Survey waves (CSV) → feedback. */
  KCSURVEY(Schemas.FEEDBACK) {
    @Override
    public Iterator<RawRecord> records(BufferedReader in) {
      return new KcSurveyReader(in);
    }

    @Override
    public boolean accepts(Path file) {
      // The published folder holds the waves beside a codebook (CODEBOOK_variable_labels.csv), not a wave.
      return LandingFiles.isLandingFile(file) && !LandingFiles.isJsonLines(file.toString())
          && !file.getFileName().toString().toUpperCase(Locale.ROOT).startsWith("CODEBOOK");
    }
  },
  /** Pabulib participatory-budgeting ballots (.pb) → participation, type vote. */
  PABULIB(Schemas.PARTICIPATION) {
    @Override
    public Iterator<RawRecord> records(BufferedReader in) {
      return new PabulibReader(in);
    }

    @Override
    public boolean accepts(Path file) {
      String n = file.getFileName().toString();
      return n.endsWith(PabulibReader.EXTENSION) || n.endsWith(PabulibReader.EXTENSION + ".gz");
    }
  },
  /** Polis conversation exports (comments.json, votes.json) → participation, types online_discussion and consultation. */
  POLIS(Schemas.PARTICIPATION) {
    @Override
    public Iterator<RawRecord> records(BufferedReader in) {
      return new PolisReader(in);
    }

    @Override
    public boolean accepts(Path file) {
      return PolisReader.accepts(file);
    }
  };

  private final String dataset;

  SourceFormat(String dataset) {
    this.dataset = dataset;
  }

  /** The dataset (schema name) this source feeds. */
  public String dataset() {
    return dataset;
  }

  /** The command-line name (kcsurvey, pabulib, polis). */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
