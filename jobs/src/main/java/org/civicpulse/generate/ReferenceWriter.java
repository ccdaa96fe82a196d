package org.civicpulse.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVPrinter;

/** Writes the reference files communities.csv and categories.csv (plain CSV, small). */
final class ReferenceWriter {
  private ReferenceWriter() {}

  static long communities(Path file, CommunityCatalogue catalogue) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, YearlyCsvWriter.FORMAT)) {
      p.printRecord("community_id", "name", "name_zh", "district", "street", "population", "households", "area_km2");
      for (Community c : catalogue.all()) {
        p.printRecord(c.id(), c.name(), c.nameZh(), c.district(), c.street(), c.population(), c.households(),
            String.format(java.util.Locale.ROOT, "%.2f", c.areaKm2()));
      }
    }
    return catalogue.size();
  }

  static long categories(Path file, CategoryCatalogue catalogue) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, YearlyCsvWriter.FORMAT)) {
      p.printRecord("category", "name_en", "name_zh", "sla_hours", "default_provider_type");
      for (Category k : catalogue.all()) {
        p.printRecord(k.code(), k.nameEn(), k.nameZh(), k.slaHours(), k.providerType());
      }
    }
    return catalogue.size();
  }
}
