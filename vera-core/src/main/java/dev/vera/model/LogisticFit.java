package dev.vera.model;

import org.jspecify.annotations.Nullable;

/**
 * Small dense logistic regressions (calibration, stacking, evidence combination): a handful of
 * inputs and thousands of examples, each with a weight and a fixed offset on the log-odds, fitted
 * by Newton's method. A tiny ridge ({@link #RIDGE}, on the intercept too) keeps separable data
 * finite. The large sparse text model is {@link dev.vera.model.fit.WeightedLogisticRegression}'s.
 */
final class LogisticFit {
  /** The ridge penalty {@code ½·RIDGE·‖θ‖²} against a loss summed over unit-weight examples. */
  static final double RIDGE = 1e-4;

  private static final int MAX_ITERATIONS = 100;

  private LogisticFit() {}

  /**
   * Fits {@code P(fake | x) = sigmoid(w · x + b)}, every example weighing 1.
   *
   * @return the weights followed by the intercept {@code b}
   */
  static double[] fit(double[][] x, boolean[] fake) {
    return fit(x, fake, null, null);
  }

  /**
   * Fits {@code P(fake | x) = sigmoid(w · x + b + offset)}, minimizing the weighted log-loss.
   *
   * @param weights per example, its weight (null: all 1)
   * @param offsets per example, a fixed addend on its log-odds (null: none)
   * @return the weights followed by the intercept {@code b}
   */
  static double[] fit(
      double[][] x, boolean[] fake, double @Nullable [] weights, double @Nullable [] offsets) {
    int n = x.length;
    if (n == 0) {
      throw new IllegalArgumentException("cannot fit a logistic model on no examples");
    }
    boolean anyFake = false;
    boolean anyReal = false;
    for (boolean f : fake) {
      anyFake |= f;
      anyReal |= !f;
    }
    if (!anyFake || !anyReal) {
      throw new IllegalArgumentException(
          "training data holds one class only ("
              + (anyFake ? "fake" : "real")
              + "); both fake and real examples are needed");
    }
    int d = x[0].length + 1;
    double[] theta = new double[d];
    double previous = Double.POSITIVE_INFINITY;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[d];
      double[][] hessian = new double[d][d];
      double loss = 0;
      for (int j = 0; j < d; j++) {
        gradient[j] = RIDGE * theta[j];
        hessian[j][j] = RIDGE;
        loss += 0.5 * RIDGE * theta[j] * theta[j];
      }
      for (int i = 0; i < n; i++) {
        double w = weights == null ? 1 : weights[i];
        double z = dot(theta, x[i]) + (offsets == null ? 0 : offsets[i]);
        double p = sigmoid(z);
        double y = fake[i] ? 1 : 0;
        loss += w * (fake[i] ? softplus(-z) : softplus(z));
        double r = w * (p - y);
        double h = w * p * (1 - p);
        for (int j = 0; j < d; j++) {
          double xj = j < d - 1 ? x[i][j] : 1;
          gradient[j] += r * xj;
          for (int k = 0; k <= j; k++) {
            double xk = k < d - 1 ? x[i][k] : 1;
            hessian[j][k] += h * xj * xk;
          }
        }
      }
      for (int j = 0; j < d; j++) {
        for (int k = j + 1; k < d; k++) {
          hessian[j][k] = hessian[k][j];
        }
      }
      double[] step = solve(hessian, gradient);
      // Halve the step until the loss goes down: Newton's step can overshoot far from the optimum.
      double t = 1;
      double[] next = new double[d];
      double nextLoss = Double.POSITIVE_INFINITY;
      for (int halving = 0; halving < 30; halving++) {
        for (int j = 0; j < d; j++) {
          next[j] = theta[j] - t * step[j];
        }
        nextLoss = loss(next, x, fake, weights, offsets);
        if (nextLoss <= loss) {
          break;
        }
        t /= 2;
      }
      if (!(nextLoss <= loss)) {
        break;
      }
      theta = next.clone();
      if (previous - nextLoss < 1e-12 * Math.max(1, Math.abs(nextLoss))) {
        break;
      }
      previous = nextLoss;
    }
    return theta;
  }

  private static double loss(
      double[] theta,
      double[][] x,
      boolean[] fake,
      double @Nullable [] weights,
      double @Nullable [] offsets) {
    double loss = 0;
    for (double t : theta) {
      loss += 0.5 * RIDGE * t * t;
    }
    for (int i = 0; i < x.length; i++) {
      double w = weights == null ? 1 : weights[i];
      double z = dot(theta, x[i]) + (offsets == null ? 0 : offsets[i]);
      loss += w * (fake[i] ? softplus(-z) : softplus(z));
    }
    return loss;
  }

  /** {@code θ · (x, 1)}: the inputs then the intercept. */
  private static double dot(double[] theta, double[] x) {
    double z = theta[theta.length - 1];
    for (int j = 0; j < x.length; j++) {
      z += theta[j] * x[j];
    }
    return z;
  }

  /** {@code ln(1 + e^z)} without overflow. */
  private static double softplus(double z) {
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }

  /** Solves {@code a · s = b} for a symmetric positive definite {@code a} (Cholesky). */
  private static double[] solve(double[][] a, double[] b) {
    int d = b.length;
    double[][] l = new double[d][d];
    for (int j = 0; j < d; j++) {
      double s = a[j][j];
      for (int k = 0; k < j; k++) {
        s -= l[j][k] * l[j][k];
      }
      l[j][j] = Math.sqrt(Math.max(s, 1e-300));
      for (int i = j + 1; i < d; i++) {
        double v = a[i][j];
        for (int k = 0; k < j; k++) {
          v -= l[i][k] * l[j][k];
        }
        l[i][j] = v / l[j][j];
      }
    }
    double[] y = new double[d];
    for (int i = 0; i < d; i++) {
      double v = b[i];
      for (int k = 0; k < i; k++) {
        v -= l[i][k] * y[k];
      }
      y[i] = v / l[i][i];
    }
    double[] s = new double[d];
    for (int i = d - 1; i >= 0; i--) {
      double v = y[i];
      for (int k = i + 1; k < d; k++) {
        v -= l[k][i] * s[k];
      }
      s[i] = v / l[i][i];
    }
    return s;
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  static double logit(double p) {
    double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
    return Math.log(q / (1 - q));
  }
}
