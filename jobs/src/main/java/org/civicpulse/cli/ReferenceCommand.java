package org.civicpulse.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civicpulse.ingest.City311Mapping;
import org.civicpulse.ingest.InputException;
import org.civicpulse.ingest.ReferenceInference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** reference infer: communities.csv and categories.csv from a city's export. */
@Command(name = "reference", mixinStandardHelpOptions = true,
    description = "Reference files from data: `reference infer` writes communities.csv and categories.csv. No lake, no Spark.",
    subcommands = {ReferenceCommand.Infer.class})
public final class ReferenceCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "name an action: infer");
  }

  /** reference infer. */
  @Command(name = "infer", mixinStandardHelpOptions = true,
      description = "Write <out>/communities.csv and <out>/categories.csv with every distinct area and category of the "
          + "export after the mapping (names = the value; population and SLA hours empty, to fill in). Run again on new "
          + "data: new values are added, rows already in the files are kept as you edited them.")
  static final class Infer implements Callable<Integer> {
    @Option(names = "--format", required = true, paramLabel = "city311", description = "Export format (only city311).")
    String format;
    @Option(names = "--mapping", required = true, paramLabel = "FILE", description = "The city311 mapping.")
    Path mapping;
    @Option(names = "--requests", required = true, paramLabel = "FILE_OR_DIR", description = "The export(s).")
    Path requests;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the two reference files.")
    Path out;

    @Override
    public Integer call() {
      if (!format.equals("city311")) {
        throw new InputException("--format must be city311, not '" + format + "'");
      }
      City311Mapping m = MappingCommand.loadMapping(mapping);
      for (ReferenceInference.Outcome o : ReferenceInference.infer(m, MappingCommand.exportFiles(requests), out)) {
        System.out.println("reference file=" + o.file().toAbsolutePath() + " kept=" + o.kept() + " added=" + o.added());
      }
      return ExitCodes.OK;
    }
  }
}
