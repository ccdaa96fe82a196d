package org.civicpulse.forecast;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.civicpulse.forecast.models.GbmRegressor;
import org.civicpulse.forecast.models.GbmTrainer;
import org.civicpulse.forecast.models.PooledRows;

/**
 * The global {@code gbm} fitted with Spark MLlib's {@link GBTRegressor} on a Dataset of the pooled rows: squared
 * loss, depth {@value #DEPTH}, step {@value #STEP}, at most {@value #MAX_ROUNDS} rounds with early stopping on the
 * held-out rows (MLlib's validation indicator), a fixed seed. Prediction per row through the model's
 * {@code predict(Vector)}.
 */
final class MllibGbtTrainer implements GbmTrainer {
  static final int DEPTH = 4;
  static final double STEP = 0.1;
  static final int MIN_LEAF = 20;
  static final int MAX_ROUNDS = 150;
  static final long SEED = 20_260_401L;
  private static final int SLICES = 2;

  private final transient SparkSession spark;

  MllibGbtTrainer(SparkSession spark) {
    this.spark = spark;
  }

  @Override
  public GbmRegressor fit(PooledRows rows) {
    List<Row> data = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      data.add(RowFactory.create(Vectors.dense(rows.x()[r]), rows.y()[r], rows.heldOut()[r]));
    }
    StructType schema = new StructType()
        .add("features", SQLDataTypes.VectorType())
        .add("label", DataTypes.DoubleType)
        .add("held_out", DataTypes.BooleanType);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Dataset<Row> frame = spark.createDataFrame(jsc.parallelize(data, SLICES), schema).cache();
    GBTRegressor gbt = new GBTRegressor().setMaxIter(MAX_ROUNDS).setMaxDepth(DEPTH).setStepSize(STEP)
        .setMinInstancesPerNode(MIN_LEAF).setSeed(SEED).setLossType("squared");
    // Early stopping needs rows on both sides of the split; otherwise all rounds on all rows.
    boolean bothSides = rows.part(true).size() > 0 && rows.part(false).size() > 0;
    if (bothSides) {
      gbt.setValidationIndicatorCol("held_out");
    }
    try {
      return new Model(gbt.fit(frame));
    } finally {
      frame.unpersist();
    }
  }

  /** An MLlib model as a {@link GbmRegressor}. */
  private record Model(GBTRegressionModel model) implements GbmRegressor {
    @Override
    public double predict(double[] features) {
      return model.predict(Vectors.dense(features));
    }
  }
}
