package org.civicpulse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LivePageTest {
  private static final LiveData DATA = new LiveData("2025-12-31 10:07",
      List.of(new LiveData.Backlog("C01", 12), new LiveData.Backlog("C02", 3)),
      List.of(new LiveData.Volume("C01", "heating", 9)),
      List.of(new LiveData.Alert("C01", "heating", "2025-12-31 10:00", 9, 1.0, 17.5368),
          new LiveData.Alert("C02", "<script>", "2025-12-31 09:00", 10, 0.0, null)));

  @Test
  void showsAlertsBacklogAndVolumeWithItsReloadInterval() {
    String html = LivePage.render(DATA, "en", "City office", 30, Map.of("C01", "Riverside <East>"));
    assertThat(html).contains("<meta http-equiv=\"refresh\" content=\"30\">")
        .contains("<title>Live intake · City office</title>")
        .contains("Latest event in the lake: 2025-12-31 10:07. This page rewrites itself every 30 s")
        // Alert rows: name from the reference (escaped), count, usual count, z to one decimal; no z → a dash.
        .contains("<td>Riverside &lt;East&gt;</td><td>heating</td><td>2025-12-31 10:00</td><td class=\"n\">9</td>"
            + "<td class=\"n\">1.0</td><td class=\"n\">17.5</td>")
        .contains("<td>C02</td><td>&lt;script&gt;</td><td>2025-12-31 09:00</td><td class=\"n\">10</td>"
            + "<td class=\"n\">0.0</td><td class=\"n\">—</td>")
        .contains("<td>Riverside &lt;East&gt;</td><td class=\"n\">12</td>")
        .doesNotContain("<script>");
  }

  @Test
  void withoutLiveMartsThePageSaysHowToStartTheStream() {
    assertThat(LivePage.render(null, "zh", "标题", 60, Map.of()))
        .contains("暂无实时数据：请先运行 `civicpulse stream`。").contains("content=\"60\"");
  }

  @Test
  void rewritingReplacesThePageAndLeavesNoTemporaryFile(@TempDir Path out) throws Exception {
    LivePage.write("first", out);
    Path page = LivePage.write("second", out);
    assertThat(Files.readString(page)).isEqualTo("second");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("live.html");
    }
  }
}
