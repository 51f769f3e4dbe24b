package de.bwaldvogel.liblinear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstanceWeightedLogisticTest {
  private static final int N = 6;

  /** Random sparse rows over N features, the last one an intercept (always 1). */
  private static Feature[][] rows(int l, long seed) {
    Random r = new Random(seed);
    Feature[][] x = new Feature[l][];
    for (int i = 0; i < l; i++) {
      Feature[] row = new Feature[N];
      for (int j = 0; j < N - 1; j++) {
        row[j] = new FeatureNode(j + 1, r.nextGaussian());
      }
      row[N - 1] = new FeatureNode(N, 1.0);
      x[i] = row;
    }
    return x;
  }

  private static boolean[] labels(Feature[][] x, long seed) {
    Random r = new Random(seed);
    boolean[] y = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      double z = 1.5 * x[i][0].getValue() - x[i][1].getValue() + 0.3;
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z));
    }
    return y;
  }

  @Test
  void equalWeightsGiveLiblinearsOwnFit() {
    Feature[][] x = rows(400, 1);
    boolean[] y = labels(x, 2);
    double[] ones = new double[x.length];
    Arrays.fill(ones, 1.0);
    double[] ours = InstanceWeightedLogistic.train(x, y, ones, N, 2.0, 1e-6, null);

    Problem p = new Problem();
    p.l = x.length;
    p.n = N;
    p.bias = -1;
    p.x = x;
    p.y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      p.y[i] = y[i] ? 1 : 0;
    }
    Model m = Linear.train(p, new Parameter(SolverType.L2R_LR, 2.0, 1e-6));
    double[] theirs = m.getFeatureWeights().clone();
    if (m.getLabels()[0] != 1) {
      for (int j = 0; j < theirs.length; j++) {
        theirs[j] = -theirs[j];
      }
    }
    assertArrayEquals(theirs, ours, 1e-5);
  }

  @Test
  void weightTwoIsTheInstanceGivenTwice() {
    Feature[][] x = rows(300, 3);
    boolean[] y = labels(x, 4);
    double[] weights = new double[x.length];
    Arrays.fill(weights, 1.0);
    // The first 50 instances count twice...
    Arrays.fill(weights, 0, 50, 2.0);
    double[] weighted = InstanceWeightedLogistic.train(x, y, weights, N, 1.0, 1e-8, null);
    // ...which is the same objective as those instances repeated.
    Feature[][] repeated = Arrays.copyOf(x, x.length + 50);
    boolean[] repeatedY = Arrays.copyOf(y, y.length + 50);
    System.arraycopy(x, 0, repeated, x.length, 50);
    System.arraycopy(y, 0, repeatedY, y.length, 50);
    double[] ones = new double[repeated.length];
    Arrays.fill(ones, 1.0);
    double[] copies = InstanceWeightedLogistic.train(repeated, repeatedY, ones, N, 1.0, 1e-8, null);
    assertArrayEquals(copies, weighted, 1e-5);

    double[] unweighted = InstanceWeightedLogistic.train(x, y, ones(x.length), N, 1.0, 1e-8, null);
    double diff = 0;
    for (int j = 0; j < N; j++) {
      diff += Math.abs(unweighted[j] - weighted[j]);
    }
    assertTrue(diff > 1e-3, "the weights changed nothing: " + diff);
  }

  @Test
  void refusesBadWeights() {
    Feature[][] x = rows(10, 5);
    boolean[] y = labels(x, 6);
    double[] w = ones(10);
    w[3] = 0;
    assertThrows(IllegalArgumentException.class, () -> InstanceWeightedLogistic.train(x, y, w, N, 1, 0.01, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> InstanceWeightedLogistic.train(x, y, ones(9), N, 1, 0.01, null));
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    return w;
  }
}
