package org.civicpulse.bench;

import java.util.Map;
import org.civicpulse.lake.Lake;

/**
 * The DuckDB peer of {@code dashboard}: computes the daily metric families for the same lake and dates and, with
 * --check, compares them with civicpulse's kpis_daily cell by cell. One line per family and run on stdout:
 * {@code duck family=<name> run=<i> ms=<n>}, then {@code duck total run=<i> ms=<n>} and the cross-check.
 */
public final class DuckDashboard {
  private DuckDashboard() {}

  public static void main(String[] argv) throws Exception {
    BenchArgs a = BenchArgs.parse(argv);
    try (DuckPeer peer = new DuckPeer(new Lake(a.lake()), a.timezone())) {
      Cells cells = null;
      for (int run = 1; run <= a.repeat(); run++) {
        final int runNo = run;
        long t0 = System.nanoTime();
        peer.register(a.range());
        cells = new Cells();
        Map<String, Long> ms = peer.run(a.range(), cells);
        ms.forEach((f, t) -> System.out.println("duck family=" + f + " run=" + runNo + " ms=" + t));
        System.out.println("duck total run=" + run + " ms=" + (System.nanoTime() - t0) / 1_000_000);
      }
      if (a.check()) {
        CrossCheck.Result res = CrossCheck.compare(peer.civicpulseKpis(a.range()), cells);
        System.out.println(res);
        res.differences().stream().limit(50).forEach(d -> System.out.println("difference " + d));
      }
    }
  }
}
