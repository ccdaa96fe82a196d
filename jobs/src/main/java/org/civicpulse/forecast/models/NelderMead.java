package org.civicpulse.forecast.models;

import java.util.function.ToDoubleFunction;

/** Derivative-free minimiser (Nelder–Mead simplex) for the few smoothing and ARMA parameters. */
final class NelderMead {
  private NelderMead() {}

  /** Minimises {@code f} from {@code x0} with initial simplex steps {@code step}; returns the best point. */
  static double[] minimise(ToDoubleFunction<double[]> f, double[] x0, double step, int maxEvaluations, double tolerance) {
    int d = x0.length;
    if (d == 0) {
      return x0.clone();
    }
    double[][] simplex = new double[d + 1][];
    double[] values = new double[d + 1];
    simplex[0] = x0.clone();
    for (int i = 1; i <= d; i++) {
      simplex[i] = x0.clone();
      simplex[i][i - 1] += step;
    }
    for (int i = 0; i <= d; i++) {
      values[i] = f.applyAsDouble(simplex[i]);
    }
    int evaluations = d + 1;
    int[] order = new int[d + 1];
    while (evaluations < maxEvaluations) {
      sortIndices(values, order);
      int best = order[0];
      int worst = order[d];
      int secondWorst = order[d - 1 < 0 ? 0 : d - 1];
      if (Math.abs(values[worst] - values[best]) <= tolerance * (Math.abs(values[best]) + 1e-12)) {
        break;
      }
      double[] centroid = new double[d];
      for (int i = 0; i <= d; i++) {
        if (i != worst) {
          for (int j = 0; j < d; j++) {
            centroid[j] += simplex[i][j] / d;
          }
        }
      }
      double[] reflected = towards(centroid, simplex[worst], -1);
      double fr = f.applyAsDouble(reflected);
      evaluations++;
      if (fr < values[best]) {
        double[] expanded = towards(centroid, simplex[worst], -2);
        double fe = f.applyAsDouble(expanded);
        evaluations++;
        if (fe < fr) {
          simplex[worst] = expanded;
          values[worst] = fe;
        } else {
          simplex[worst] = reflected;
          values[worst] = fr;
        }
      } else if (fr < values[secondWorst]) {
        simplex[worst] = reflected;
        values[worst] = fr;
      } else {
        double[] contracted = fr < values[worst]
            ? towards(centroid, reflected, 0.5)
            : towards(centroid, simplex[worst], 0.5);
        double fc = f.applyAsDouble(contracted);
        evaluations++;
        if (fc < Math.min(fr, values[worst])) {
          simplex[worst] = contracted;
          values[worst] = fc;
        } else {
          for (int i = 0; i <= d; i++) {
            if (i != best) {
              simplex[i] = towards(simplex[best], simplex[i], 0.5);
              values[i] = f.applyAsDouble(simplex[i]);
              evaluations++;
            }
          }
        }
      }
    }
    int best = 0;
    for (int i = 1; i <= d; i++) {
      if (values[i] < values[best]) {
        best = i;
      }
    }
    return simplex[best];
  }

  /** Indices of {@code values} in ascending order (insertion sort: the simplex has a handful of points). */
  private static void sortIndices(double[] values, int[] order) {
    for (int i = 0; i < order.length; i++) {
      int j = i;
      while (j > 0 && values[order[j - 1]] > values[i]) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = i;
    }
  }

  /** centroid + t · (point − centroid). */
  private static double[] towards(double[] centroid, double[] point, double t) {
    double[] r = new double[centroid.length];
    for (int j = 0; j < r.length; j++) {
      r[j] = centroid[j] + t * (point[j] - centroid[j]);
    }
    return r;
  }
}
