package org.civicpulse.stream;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.civicpulse.curate.RecordColumns;

/** The Kafka adapter's columns: where a record came from (topic, partition, offset); its text is {@link RecordColumns#RAW}. */
public final class KafkaRows {
  public static final String TOPIC = "_topic";
  public static final String PARTITION = "_partition";
  public static final String OFFSET = "_offset";

  /** Where a record came from: its topic, partition and offset. */
  public static final StructType POSITION = new StructType()
      .add(TOPIC, DataTypes.StringType, false)
      .add(PARTITION, DataTypes.IntegerType, false)
      .add(OFFSET, DataTypes.LongType, false);

  private KafkaRows() {}

  /** The shape the Kafka source is projected to before parsing. */
  public static StructType source() {
    return POSITION.add(RecordColumns.RAW, DataTypes.StringType, true);
  }
}
