package dev.vera.model.fit;

import java.util.Arrays;

/**
 * L2-regularized logistic regression with a weight per example: minimizes {@code ½‖w‖² + Σ C·v_i
 * ·log(1 + exp(-y_i w·x_i))}. The method is LIBLINEAR's (Lin, Weng & Keerthi 2008; its newton.cpp
 * since 2.40): Newton steps solved by conjugate gradients with a diagonal preconditioner, an Armijo
 * line search, and the stop when the gradient falls below {@code eps} times its norm at zero. It is
 * written here because LIBLINEAR's Java port takes class weights only and keeps an object per
 * feature value, which at Vera's sizes (10^4 articles by 10^6 features, 10^8 values) costs
 * gigabytes and minutes per fit; on {@link SparseRows} the products run on all cores and give the
 * same doubles on any number of them. A weight of 0 leaves an example out (cross-fitting folds
 * without copying the matrix).
 */
public final class WeightedLogisticRegression {
  /** Relative tolerance of the conjugate gradients (LIBLINEAR's {@code eps_cg}). */
  private static final double CG_TOLERANCE = 0.1;

  private static final int MAX_NEWTON_STEPS = 1000;
  private static final int MAX_LINE_SEARCH = 20;
  private static final double ARMIJO = 0.01;
  private static final double PRECONDITIONER_MIX = 0.01;

  private final SparseRows x;
  private final double[] y;
  private final double[] cost;
  private final int n;
  private final int l;
  // Scratch, one set per fit.
  private final double[] z;
  private final double[] d;

  private WeightedLogisticRegression(SparseRows x, boolean[] positive, double[] weights, double c) {
    if (positive.length != x.rows() || weights.length != x.rows()) {
      throw new IllegalArgumentException(
          "one label and one weight per row are needed: "
              + x.rows()
              + " rows, "
              + positive.length
              + " labels, "
              + weights.length
              + " weights");
    }
    if (!(c > 0) || Double.isInfinite(c)) {
      throw new IllegalArgumentException("C must be a positive number, was " + c);
    }
    this.x = x;
    this.n = x.columns();
    this.l = x.rows();
    this.y = new double[l];
    this.cost = new double[l];
    for (int i = 0; i < l; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException(
            "weights must be 0 or more, was " + weights[i] + " for row " + i);
      }
      y[i] = positive[i] ? 1 : -1;
      cost[i] = c * weights[i];
    }
    this.z = new double[l];
    this.d = new double[l];
  }

  /**
   * Fits the weights.
   *
   * @param positive per row, whether it is of the positive class
   * @param weights per row, its weight (0 leaves it out)
   * @param c the inverse regularization strength
   * @param eps the stopping tolerance (LIBLINEAR's {@code -e}): the gradient's norm must fall below
   *     {@code eps · min(W+, W-) / W} times its norm at zero, {@code W±} the weight of each class
   *     and {@code W} their sum, as LIBLINEAR scales it
   * @param start where to start (a nearby solution: a warm start), or null for zero
   * @return one weight per column, oriented toward the positive class
   */
  public static double[] fit(
      SparseRows x, boolean[] positive, double[] weights, double c, double eps, double[] start) {
    return new WeightedLogisticRegression(x, positive, weights, c).solve(eps, start);
  }

  private double[] solve(double eps, double[] start) {
    double[] w = start == null ? new double[n] : start.clone();
    if (w.length != n) {
      throw new IllegalArgumentException(
          "the start has " + w.length + " weights, the matrix " + n + " columns");
    }
    double[] g = new double[n];
    double[] zero = new double[n];
    function(zero);
    double gnorm0 = norm(gradient(zero, g));
    double f = function(w);
    gradient(w, g);
    double gnorm = norm(g);
    double positive = 0;
    double all = 0;
    for (int i = 0; i < l; i++) {
      all += cost[i];
      positive += y[i] > 0 ? cost[i] : 0;
    }
    eps =
        eps
            * Math.max(Math.min(positive, all - positive), Double.MIN_NORMAL)
            / Math.max(all, Double.MIN_NORMAL);
    double[] s = new double[n];
    double[] r = new double[n];
    double[] m = new double[n];
    double[] xs = new double[l];
    for (int step = 0; step < MAX_NEWTON_STEPS && gnorm > eps * gnorm0; step++) {
      preconditioner(m);
      conjugateGradients(g, m, s, r);
      double before = f;
      f = lineSearch(w, s, g, f, xs);
      if (Double.isNaN(f)) {
        break; // no step lowered the objective: w is as good as this solver gets it
      }
      gradient(w, g);
      gnorm = norm(g);
      if (Math.abs(before - f) <= 1e-12 * Math.abs(f)) {
        break;
      }
    }
    return w;
  }

  /** The objective at {@code w}; leaves {@code z = X·w}. */
  private double function(double[] w) {
    x.multiply(w, z);
    double f = 0.5 * dot(w, w);
    for (int i = 0; i < l; i++) {
      f += cost[i] * logLoss(y[i] * z[i]);
    }
    return f;
  }

  /**
   * The gradient at {@code w}, whose {@code z} {@link #function} left; sets the Hessian's {@code
   * d}.
   */
  private double[] gradient(double[] w, double[] g) {
    double[] u = new double[l];
    for (int i = 0; i < l; i++) {
      double sigma = 1 / (1 + Math.exp(-y[i] * z[i]));
      d[i] = cost[i] * sigma * (1 - sigma);
      u[i] = cost[i] * (sigma - 1) * y[i];
    }
    x.multiplyTransposed(u, g);
    for (int j = 0; j < n; j++) {
      g[j] += w[j];
    }
    return g;
  }

  /** {@code out = H·v = v + Xᵀ·diag(d)·X·v}. */
  private void hessianTimes(double[] v, double[] out, double[] xv) {
    x.multiply(v, xv);
    for (int i = 0; i < l; i++) {
      xv[i] *= d[i];
    }
    x.multiplyTransposed(xv, out);
    for (int j = 0; j < n; j++) {
      out[j] += v[j];
    }
  }

  private void preconditioner(double[] m) {
    x.squaredColumnSums(d, m);
    for (int j = 0; j < n; j++) {
      m[j] = (1 - PRECONDITIONER_MIX) + PRECONDITIONER_MIX * (1 + m[j]);
    }
  }

  /** Solves {@code H·s = -g} approximately, preconditioned by {@code m}. */
  private void conjugateGradients(double[] g, double[] m, double[] s, double[] r) {
    Arrays.fill(s, 0);
    double[] p = new double[n];
    double[] hp = new double[n];
    double[] xv = new double[l];
    double[] zr = new double[n];
    for (int j = 0; j < n; j++) {
      r[j] = -g[j];
      zr[j] = r[j] / m[j];
      p[j] = zr[j];
    }
    double rz = dot(r, zr);
    double tolerance = CG_TOLERANCE * norm(g);
    for (int iteration = 0; iteration < n && norm(r) > tolerance; iteration++) {
      hessianTimes(p, hp, xv);
      double alpha = rz / dot(p, hp);
      for (int j = 0; j < n; j++) {
        s[j] += alpha * p[j];
        r[j] -= alpha * hp[j];
      }
      for (int j = 0; j < n; j++) {
        zr[j] = r[j] / m[j];
      }
      double rzNew = dot(r, zr);
      double beta = rzNew / rz;
      rz = rzNew;
      for (int j = 0; j < n; j++) {
        p[j] = zr[j] + beta * p[j];
      }
    }
  }

  /**
   * Backtracks from the full Newton step until the objective falls enough (Armijo); updates {@code
   * w} and {@code z}. Returns the new objective, or NaN when no step would do.
   */
  private double lineSearch(double[] w, double[] s, double[] g, double f, double[] xs) {
    x.multiply(s, xs);
    double gs = dot(g, s);
    double ws = dot(w, s);
    double ss = dot(s, s);
    double ww = dot(w, w);
    double t = 1;
    for (int k = 0; k < MAX_LINE_SEARCH; k++) {
      double loss = 0;
      for (int i = 0; i < l; i++) {
        loss += cost[i] * logLoss(y[i] * (z[i] + t * xs[i]));
      }
      double next = 0.5 * (ww + 2 * t * ws + t * t * ss) + loss;
      if (next - f <= ARMIJO * t * gs) {
        for (int j = 0; j < n; j++) {
          w[j] += t * s[j];
        }
        for (int i = 0; i < l; i++) {
          z[i] += t * xs[i];
        }
        return next;
      }
      t /= 2;
    }
    return Double.NaN;
  }

  /** {@code log(1 + exp(-m))} without overflow. */
  private static double logLoss(double margin) {
    return margin >= 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }
}
