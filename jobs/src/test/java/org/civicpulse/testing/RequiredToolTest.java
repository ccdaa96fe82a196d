package org.civicpulse.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class RequiredToolTest {
  @Test
  void aMissingToolSkipsOnADevelopersMachineAndFailsInCi() {
    assertThatThrownBy(() -> RequiredTool.require(false, "no chromium", null))
        .isInstanceOf(TestAbortedException.class).hasMessageContaining("no chromium");
    assertThatThrownBy(() -> RequiredTool.require(false, "no chromium", "false"))
        .isInstanceOf(TestAbortedException.class);
    assertThatThrownBy(() -> RequiredTool.require(false, "no chromium", "true"))
        .isInstanceOf(AssertionError.class).hasMessage("CI=true: no chromium");
    assertThatCode(() -> RequiredTool.require(true, "no chromium", "true")).doesNotThrowAnyException();
  }
}
