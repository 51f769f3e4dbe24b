package de.bwaldvogel.liblinear;

/**
 * L2-regularized logistic regression with a weight per training instance, solved by LIBLINEAR's
 * own trust-region Newton method. The solver already minimizes {@code ½‖w‖² + Σ C_i·loss_i} with
 * one {@code C_i} per instance, but the Java port fills {@code C_i} from class weights only (the C
 * library has instance weights in a separate branch); this class hands the solver those {@code
 * C_i}. It sits in LIBLINEAR's package because the loss function and the solver are
 * package-private there. Weight 2 is the same objective as the instance given twice.
 */
public final class InstanceWeightedLogistic {
  static {
    Linear.disableDebugOutput();
  }

  private InstanceWeightedLogistic() {}

  /**
   * Fits the weights.
   *
   * @param x the instances, LIBLINEAR's 1-based sparse rows over {@code n} features (an intercept
   *     is a feature of its own, present in the rows)
   * @param positive per instance, whether it is of the positive class
   * @param weights per instance, its weight (positive)
   * @param c the inverse regularization strength
   * @param eps LIBLINEAR's stopping tolerance (its {@code -e}), scaled as {@code Linear.train}
   *     scales it for L2R_LR
   * @param start where the solver starts (a warm start from a nearby solution), or null for 0
   * @return {@code n} weights, oriented toward the positive class
   */
  public static double[] train(
      Feature[][] x, boolean[] positive, double[] weights, int n, double c, double eps, double[] start) {
    int l = x.length;
    if (positive.length != l || weights.length != l) {
      throw new IllegalArgumentException(
          "one label and one weight per instance are needed: "
              + l + " instances, " + positive.length + " labels, " + weights.length + " weights");
    }
    Problem problem = new Problem();
    problem.l = l;
    problem.n = n;
    problem.bias = -1;
    problem.x = x;
    problem.y = new double[l];
    double[] perInstanceC = new double[l];
    int pos = 0;
    for (int i = 0; i < l; i++) {
      if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException("instance weights must be positive, was " + weights[i]);
      }
      problem.y[i] = positive[i] ? 1 : -1;
      perInstanceC[i] = c * weights[i];
      pos += positive[i] ? 1 : 0;
    }
    Parameter parameter = new Parameter(SolverType.L2R_LR, c, eps);
    double primalEps = eps * Math.max(Math.min(pos, l - pos), 1) / l;
    double[] w = start == null ? new double[n] : start.clone();
    if (w.length != n) {
      throw new IllegalArgumentException("the start has " + w.length + " weights, the problem " + n);
    }
    new Newton(new L2R_LrFunction(problem, parameter, perInstanceC), primalEps, parameter.getMaxIters())
        .newton(w);
    return w;
  }
}
