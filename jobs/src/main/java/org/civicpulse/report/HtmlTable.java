package org.civicpulse.report;

import java.util.ArrayList;
import java.util.List;

/** A plain HTML table whose cells are always escaped text (with an optional class, style or link). */
final class HtmlTable {
  /** One cell: text is escaped; cls, style and title (a tooltip) are attribute values (escaped too); href optional. */
  record Cell(String text, String cls, String style, String href, String title) {
    Cell(String text, String cls, String style, String href) {
      this(text, cls, style, href, null);
    }

    /** The same cell with a tooltip (null: none). */
    Cell titled(String tooltip) {
      return new Cell(text, cls, style, href, tooltip);
    }

    static Cell of(String text) {
      return new Cell(text, null, null, null);
    }

    static Cell num(String text) {
      return new Cell(text, "n", null, null);
    }

    static Cell link(String text, String href) {
      return new Cell(text, null, null, href);
    }
  }

  private final List<String> header = new ArrayList<>();
  private final List<Boolean> numeric = new ArrayList<>();
  private final List<List<Cell>> rows = new ArrayList<>();

  HtmlTable col(String label, boolean isNumeric) {
    header.add(label);
    numeric.add(isNumeric);
    return this;
  }

  HtmlTable row(List<Cell> cells) {
    rows.add(cells);
    return this;
  }

  int size() {
    return rows.size();
  }

  /** The table, or an escaped "no data" line when it has no rows (an empty table reads as broken). */
  Markup render(String emptyText) {
    Markup h = new Markup();
    if (rows.isEmpty()) {
      return h.el("p", emptyText, "class", "muted");
    }
    h.open("table").open("thead").open("tr");
    for (int i = 0; i < header.size(); i++) {
      h.el("th", header.get(i), "class", numeric.get(i) ? "n" : null);
    }
    h.close("tr").close("thead").open("tbody");
    for (List<Cell> r : rows) {
      h.open("tr");
      for (Cell c : r) {
        h.open("td", "class", c.cls(), "style", c.style(), "title", c.title());
        if (c.href() != null) {
          h.el("a", c.text(), "href", c.href());
        } else {
          h.text(c.text());
        }
        h.close("td");
      }
      h.close("tr");
    }
    return h.close("tbody").close("table");
  }
}
