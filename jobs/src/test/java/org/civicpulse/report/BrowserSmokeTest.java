package org.civicpulse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicpulse.testing.RequiredTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report from disk in headless Chromium (STACK.md recipe) and checks that the page loads with
 * no failed resource (every image decoded). Skipped where /usr/bin/chromium is missing. Set -Dreport.keep=DIR to keep the
 * reports and screenshots for a look.
 */
class BrowserSmokeTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @BeforeAll
  static void needChromium() {
    RequiredTool.require(Files.isExecutable(CHROMIUM),
        "headless browser test skipped: /usr/bin/chromium not installed (apt-get install -y chromium fonts-noto-cjk)");
  }

  record Run(int exit, String stdout, String stderr) {}

  static Run chromium(Path work, String name, String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "profile-");
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=1280,900"));
    cmd.addAll(List.of(args));
    Path out = work.resolve(name + ".stdout");
    Path err = work.resolve(name + ".stderr");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 60 s: " + cmd);
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Takes the screenshot the way STACK.md does it and checks it is not blank. */
  static void screenshot(Path page, Path work, String name) throws Exception {
    Path png = work.resolve(name + ".png");
    Run r = chromium(work, name, "--screenshot=" + png, page.toUri().toString());
    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(png).isRegularFile();
    assertThat(Files.size(png)).isGreaterThan(30_000); // a blank 1280x900 screenshot is a few KB
  }

  private static final Pattern RESULT = Pattern.compile("images ok=(\\d+) broken=(\\d+)");

  /**
   * Loads a test-only copy of the page (same folder, so relative links resolve the same) with a probe
   * script appended that reports, after the load event, how many images decoded and which did not.
   * Chromium's stderr does not report failed file:// loads, so the probe is the check. Returns {ok, broken}.
   */
  static int[] imageProbe(Path page, Path work, String name) throws Exception {
    String html = Files.readString(page, StandardCharsets.UTF_8);
    String probe = "<script>window.addEventListener('load',function(){var ok=0,bad=[];"
        + "for(var i of document.images){if(i.complete&&i.naturalWidth>0)ok++;else bad.push(i.getAttribute('src'));}"
        + "var d=document.createElement('div');d.id='probe';d.textContent='images ok='+ok+' broken='+bad.length+' '+bad.join(',');"
        + "document.body.appendChild(d);});</script>";
    Path copy = page.resolveSibling("__probe-" + page.getFileName());
    Files.writeString(copy, html.replace("</body>", probe + "</body>"), StandardCharsets.UTF_8);
    try {
      Run r = chromium(work, name, "--dump-dom", "--virtual-time-budget=10000", copy.toUri().toString());
      assertThat(r.exit()).as(r.stderr()).isZero();
      Matcher m = RESULT.matcher(r.stdout());
      assertThat(m.find()).as("probe result in DOM dump: " + r.stdout()).isTrue();
      return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  static Path workDir(Path tmp) throws IOException {
    String keep = System.getProperty("report.keep");
    return keep == null ? tmp : Files.createDirectories(Path.of(keep));
  }

  @Test
  void overviewOpensInBothLanguagesWithEveryResource(@TempDir Path tmp) throws Exception {
    Path work = workDir(tmp);
    for (String lang : List.of("zh", "en")) {
      Path index = ReportWriter.write(ReportFixture.data(lang), work.resolve("report-" + lang));
      screenshot(index, work, "index-" + lang);
      assertThat(imageProbe(index, work, "probe-" + lang)).containsExactly(6, 0);
    }
  }

  /** The probe itself: a page with a missing image must be caught, or the check above proves nothing. */
  @Test
  void aMissingImageIsDetected(@TempDir Path tmp) throws Exception {
    Path page = tmp.resolve("broken.html");
    Files.writeString(page, "<!DOCTYPE html><html><body><p>x</p><img src=\"charts/missing.png\"></body></html>");
    assertThat(imageProbe(page, tmp, "broken")).containsExactly(0, 1);
  }
}
