package org.civicpulse.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** communities.csv and categories.csv of the synthetic area. */
final class ReferenceFiles {
  private ReferenceFiles() {}

  static Path writeCommunities(Path file, List<Catalogue.Community> communities) throws IOException {
    try (CsvSink s = new CsvSink(file, new String[] {"community_id", "name", "name_zh", "district", "street", "population",
        "households", "area_km2"})) {
      for (Catalogue.Community c : communities) {
        s.write(c.id(), c.name(), c.nameZh(), "滨江区", c.street(), c.population(), c.households(), c.areaKm2());
      }
    }
    return file;
  }

  static Path writeCategories(Path file, List<Catalogue.Category> categories) throws IOException {
    try (CsvSink s = new CsvSink(file, new String[] {"category", "name_en", "name_zh", "sla_hours", "default_provider_type"})) {
      for (Catalogue.Category k : categories) {
        s.write(k.code(), k.nameEn(), k.nameZh(), (int) k.slaHours(), k.providerType());
      }
    }
    return file;
  }
}
