package org.civicpulse.forecast.models;

/**
 * Ordinary least squares through the normal equations, prepared once so that nested column subsets (the
 * first k columns) can be solved cheaply — this is how the number of Fourier pairs is chosen.
 */
final class LeastSquares {
  private final double[][] xtx;
  private final double[] xty;
  private final double yty;
  private final int rows;

  /** {@code columns[c][t]}: column c at row t; {@code y[t]}. */
  LeastSquares(double[][] columns, double[] y) {
    int k = columns.length;
    rows = y.length;
    xtx = new double[k][k];
    xty = new double[k];
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        double s = 0;
        for (int t = 0; t < rows; t++) {
          s += columns[a][t] * columns[b][t];
        }
        xtx[a][b] = s;
        xtx[b][a] = s;
      }
      double s = 0;
      for (int t = 0; t < rows; t++) {
        s += columns[a][t] * y[t];
      }
      xty[a] = s;
    }
    double s = 0;
    for (double v : y) {
      s += v * v;
    }
    yty = s;
  }

  int rows() {
    return rows;
  }

  /** Coefficients of the regression on the columns listed in {@code use}; null when singular. */
  double[] solve(int[] use) {
    int k = use.length;
    double[][] l = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double s = xtx[use[i]][use[j]];
        for (int m = 0; m < j; m++) {
          s -= l[i][m] * l[j][m];
        }
        if (i == j) {
          // A tiny relative ridge keeps nearly collinear designs (short series, many pairs) solvable.
          double diag = s + 1e-10 * (xtx[use[i]][use[i]] + 1e-12);
          if (diag <= 1e-12 * (xtx[use[i]][use[i]] + 1e-12)) {
            return null;
          }
          l[i][i] = Math.sqrt(diag);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    double[] z = new double[k];
    for (int i = 0; i < k; i++) {
      double s = xty[use[i]];
      for (int m = 0; m < i; m++) {
        s -= l[i][m] * z[m];
      }
      z[i] = s / l[i][i];
    }
    double[] b = new double[k];
    for (int i = k - 1; i >= 0; i--) {
      double s = z[i];
      for (int m = i + 1; m < k; m++) {
        s -= l[m][i] * b[m];
      }
      b[i] = s / l[i][i];
    }
    return b;
  }

  /** Residual sum of squares of a solution on the columns {@code use}. */
  double sse(int[] use, double[] b) {
    double s = yty;
    for (int i = 0; i < use.length; i++) {
      s -= 2 * b[i] * xty[use[i]];
      for (int j = 0; j < use.length; j++) {
        s += b[i] * b[j] * xtx[use[i]][use[j]];
      }
    }
    return Math.max(s, 0);
  }

  /** AICc of a Gaussian model with {@code parameters} estimated values (excluding the variance). */
  static double aicc(double sse, int n, int parameters) {
    int k = parameters + 1;
    if (n - k - 1 <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    double sigma2 = Math.max(sse / n, 1e-12);
    return n * Math.log(sigma2) + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
  }
}
