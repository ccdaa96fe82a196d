package org.civicpulse.stream;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Column names of a Kafka record as the stream hands it on: where it came from and its text. */
public final class KafkaRows {
  public static final String TOPIC = "_topic";
  public static final String PARTITION = "_partition";
  public static final String OFFSET = "_offset";
  public static final String RAW = "_raw";
  public static final String REASONS = "_reasons";

  private KafkaRows() {}

  /** The shape the Kafka source is projected to before parsing. */
  public static StructType source() {
    return new StructType()
        .add(TOPIC, DataTypes.StringType, false)
        .add(PARTITION, DataTypes.IntegerType, false)
        .add(OFFSET, DataTypes.LongType, false)
        .add(RAW, DataTypes.StringType, true);
  }
}
