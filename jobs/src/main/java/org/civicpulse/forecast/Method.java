package org.civicpulse.forecast;

import java.util.List;

/** A way to forecast: one model, or the equal-weight mean of two (named "a+b"). */
record Method(List<String> models) {
  static Method single(String model) {
    return new Method(List.of(model));
  }

  static Method pair(String a, String b) {
    return new Method(List.of(a, b));
  }

  String name() {
    return String.join("+", models);
  }
}
