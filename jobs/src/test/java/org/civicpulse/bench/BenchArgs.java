package org.civicpulse.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.civicpulse.dashboard.DateRange;

/** The options the two benchmark mains share: --lake, --date or --from/--to, --timezone, --repeat, --check. */
record BenchArgs(Path lake, DateRange range, String timezone, int repeat, boolean check) {
  static BenchArgs parse(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--check")) {
        o.put("--check", "true");
      } else if (i + 1 < args.length) {
        o.put(args[i], args[++i]);
      } else {
        throw new IllegalArgumentException("option " + args[i] + " needs a value");
      }
    }
    if (!o.containsKey("--lake")) {
      throw new IllegalArgumentException("usage: --lake DIR (--date D | --from A --to B) [--timezone Z] [--repeat N] [--check]");
    }
    LocalDate from = LocalDate.parse(o.getOrDefault("--from", o.get("--date")));
    LocalDate to = LocalDate.parse(o.getOrDefault("--to", o.get("--date")));
    return new BenchArgs(Path.of(o.get("--lake")), new DateRange(from, to), o.getOrDefault("--timezone", "Asia/Shanghai"),
        Integer.parseInt(o.getOrDefault("--repeat", "1")), o.containsKey("--check"));
  }
}
