package org.civicpulse.schema;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** A canonical table: its fields (curated form), key, time field and landing-only personal fields. */
public record TableSchema(
    String table,
    String key,
    String timeField,
    String partitionBy,
    String landingFile,
    List<FieldSpec> fields,
    List<FieldSpec> landingOnlyFields,
    List<CrossFieldRule> rules) implements Serializable {

  /** Column added to partitioned curated tables: the local month (yyyy-MM) of the time field. */
  public static final String MONTH_COLUMN = "month";

  public Optional<FieldSpec> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public List<String> fieldNames() {
    return fields.stream().map(FieldSpec::name).toList();
  }

  public boolean isPartitioned() {
    return "month".equals(partitionBy);
  }

  /** Names a landing file may carry: canonical fields, minus derived ones, plus raw personal fields. */
  public List<String> landingFieldNames() {
    List<String> names = new ArrayList<>();
    for (FieldSpec f : fields) {
      if (!f.isDerived()) {
        names.add(f.name());
      }
    }
    for (FieldSpec f : landingOnlyFields) {
      names.add(f.name());
    }
    return names;
  }

  /** The Spark schema of the curated table (with the month partition column where partitioned). */
  public StructType sparkSchema() {
    List<StructField> out = new ArrayList<>();
    for (FieldSpec f : fields) {
      out.add(new StructField(f.name(), sparkType(f.type()), !f.required(), Metadata.empty()));
    }
    if (isPartitioned()) {
      out.add(new StructField(MONTH_COLUMN, DataTypes.StringType, false, Metadata.empty()));
    }
    return new StructType(out.toArray(new StructField[0]));
  }

  static DataType sparkType(String type) {
    return switch (type) {
      case "string" -> DataTypes.StringType;
      case "timestamp" -> DataTypes.TimestampType;
      case "double" -> DataTypes.DoubleType;
      case "integer" -> DataTypes.IntegerType;
      case "long" -> DataTypes.LongType;
      case "boolean" -> DataTypes.BooleanType;
      case "date" -> DataTypes.DateType;
      case "array<string>" -> DataTypes.createArrayType(DataTypes.StringType, false);
      default -> throw new IllegalArgumentException("unknown schema type: " + type);
    };
  }
}
