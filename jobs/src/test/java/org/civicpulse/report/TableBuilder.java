package org.civicpulse.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Builds small Tablesaw fixtures row by row; null is a missing cell. Spec: "name:type" with type d,s,i,l,f,b. */
final class TableBuilder {
  private final Table table;
  private final List<Column<?>> cols = new ArrayList<>();

  TableBuilder(String name, String... specs) {
    table = Table.create(name);
    for (String spec : specs) {
      String[] p = spec.split(":");
      Column<?> c = switch (p[1]) {
        case "d" -> DateColumn.create(p[0]);
        case "s" -> StringColumn.create(p[0]);
        case "i" -> IntColumn.create(p[0]);
        case "l" -> LongColumn.create(p[0]);
        case "f" -> DoubleColumn.create(p[0]);
        case "b" -> BooleanColumn.create(p[0]);
        default -> throw new IllegalArgumentException(spec);
      };
      cols.add(c);
      table.addColumns(c);
    }
  }

  TableBuilder row(Object... values) {
    if (values.length != cols.size()) {
      throw new IllegalArgumentException("expected " + cols.size() + " values, got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      Column<?> c = cols.get(i);
      Object v = values[i];
      if (v == null) {
        c.appendMissing();
      } else if (c instanceof DateColumn dc) {
        dc.append(v instanceof LocalDate d ? d : LocalDate.parse(v.toString()));
      } else if (c instanceof StringColumn sc) {
        sc.append(v.toString());
      } else if (c instanceof IntColumn ic) {
        ic.append(((Number) v).intValue());
      } else if (c instanceof LongColumn lc) {
        lc.append(((Number) v).longValue());
      } else if (c instanceof DoubleColumn fc) {
        fc.append(((Number) v).doubleValue());
      } else if (c instanceof BooleanColumn bc) {
        bc.append((Boolean) v);
      }
    }
    return this;
  }

  Table build() {
    return table;
  }
}
