package org.civicpulse.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesTheFiveSpecialCharacters() {
    assertThat(Html.escape("<a href=\"x\" title='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    assertThat(Html.escape(null)).isEmpty();
    assertThat(Html.escape("道路")).isEqualTo("道路");
  }

  @Test
  void markupEscapesTextAndAttributesUnlessTrusted() {
    String s = new Markup().el("td", "<b>", "title", "\"x\"").trusted("<br>").toString();
    assertThat(s).isEqualTo("<td title=\"&quot;x&quot;\">&lt;b&gt;</td><br>");
  }

  @Test
  void slugKeepsSafeIdsAndSeparatesUnsafeOnes() {
    assertThat(Labels.slug("c-01_a")).isEqualTo("c-01_a");
    assertThat(Labels.slug("../x")).matches("___x-[0-9a-f]+");
    assertThat(Labels.slug("a/b")).isNotEqualTo(Labels.slug("a?b"));
  }
}
