package dev.vera.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * Small dense logistic regressions (calibration, evidence combination) fitted with LIBLINEAR, the
 * same solver as the text model. Nearly unregularized: these models have two or three inputs and
 * hundreds of examples.
 */
final class LogisticFit {
  private LogisticFit() {}

  static {
    Linear.disableDebugOutput();
  }

  /**
   * Fits {@code P(fake | x) = sigmoid(w · x + b)}.
   *
   * @return the weights followed by the intercept {@code b}
   */
  static double[] fit(double[][] x, boolean[] fake) {
    int n = x.length;
    if (n == 0) {
      throw new IllegalArgumentException("cannot fit a logistic model on no examples");
    }
    int dims = x[0].length;
    Problem problem = new Problem();
    problem.l = n;
    problem.n = dims + 1;
    problem.bias = 1;
    problem.x = new Feature[n][];
    problem.y = new double[n];
    for (int i = 0; i < n; i++) {
      Feature[] row = new Feature[dims + 1];
      for (int j = 0; j < dims; j++) {
        row[j] = new FeatureNode(j + 1, x[i][j]);
      }
      row[dims] = new FeatureNode(dims + 1, 1.0);
      problem.x[i] = row;
      problem.y[i] = fake[i] ? 1 : 0;
    }
    Linear.resetRandom();
    Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, 1e4, 1e-6));
    return orientedWeights(model, dims + 1);
  }

  /** The model's weights for the fake class (label 1), whatever order LIBLINEAR saw labels in. */
  static double[] orientedWeights(Model model, int length) {
    double[] w = model.getFeatureWeights();
    double[] out = new double[length];
    int[] labels = model.getLabels();
    boolean fakeFirst = labels.length > 0 && labels[0] == 1;
    if (labels.length < 2) {
      throw new IllegalArgumentException(
          "training data holds one class only ("
              + (labels.length == 1 && labels[0] == 1 ? "fake" : "real")
              + "); both fake and real examples are needed");
    }
    for (int i = 0; i < length && i < w.length; i++) {
      out[i] = fakeFirst ? w[i] : -w[i];
    }
    return out;
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  static double logit(double p) {
    double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
    return Math.log(q / (1 - q));
  }
}
