package dev.vera.model.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class WeightedLogisticRegressionTest {
  private static final int COLUMNS = 300;

  /** Sparse random rows (about 20 of 299 columns each) and an intercept column, the last. */
  private static SparseRows matrix(
      int rows, long seed, List<float[]> valuesOut, List<int[]> indicesOut) {
    Random r = new Random(seed);
    SparseRows.Builder b = new SparseRows.Builder(COLUMNS);
    for (int i = 0; i < rows; i++) {
      int[] idx = r.ints(20, 0, COLUMNS - 1).distinct().sorted().toArray();
      int[] withIntercept = Arrays.copyOf(idx, idx.length + 1);
      withIntercept[idx.length] = COLUMNS - 1;
      float[] val = new float[withIntercept.length];
      for (int k = 0; k < idx.length; k++) {
        val[k] = (float) r.nextGaussian();
      }
      val[idx.length] = 1f;
      b.add(withIntercept, val);
      indicesOut.add(withIntercept);
      valuesOut.add(val);
    }
    return b.build();
  }

  private static boolean[] labels(List<int[]> idx, List<float[]> val, long seed) {
    Random r = new Random(seed);
    boolean[] y = new boolean[idx.size()];
    for (int i = 0; i < y.length; i++) {
      double z = -0.3;
      for (int k = 0; k < idx.get(i).length; k++) {
        int c = idx.get(i)[k];
        z += (c % 7 == 0 ? 1.2 : c % 11 == 0 ? -1.0 : 0) * val.get(i)[k];
      }
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z));
    }
    return y;
  }

  /** With equal weights the solution is LIBLINEAR's own (L2R_LR, same C, tight tolerances). */
  @Test
  void equalWeightsGiveLiblinearsSolution() {
    List<int[]> idx = new ArrayList<>();
    List<float[]> val = new ArrayList<>();
    SparseRows x = matrix(2000, 1, val, idx);
    boolean[] y = labels(idx, val, 2);
    double[] ones = new double[y.length];
    Arrays.fill(ones, 1);
    double[] ours = WeightedLogisticRegression.fit(x, y, ones, 0.7, 1e-8, null);

    Problem p = new Problem();
    p.l = y.length;
    p.n = COLUMNS;
    p.bias = -1;
    p.x = new Feature[y.length][];
    p.y = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      Feature[] row = new Feature[idx.get(i).length];
      for (int k = 0; k < row.length; k++) {
        row[k] = new FeatureNode(idx.get(i)[k] + 1, val.get(i)[k]);
      }
      p.x[i] = row;
      p.y[i] = y[i] ? 1 : 0;
    }
    Linear.disableDebugOutput();
    Model m = Linear.train(p, new Parameter(SolverType.L2R_LR, 0.7, 1e-8));
    double[] theirs = m.getFeatureWeights();
    double sign = m.getLabels()[0] == 1 ? 1 : -1;
    for (int j = 0; j < COLUMNS; j++) {
      assertEquals(sign * theirs[j], ours[j], 1e-5, "weight " + j);
    }
  }

  /** A weight of 2 is the row given twice; a weight of 0 is the row left out. */
  @Test
  void weightsActLikeRepeatedAndRemovedRows() {
    List<int[]> idx = new ArrayList<>();
    List<float[]> val = new ArrayList<>();
    SparseRows x = matrix(600, 3, val, idx);
    boolean[] y = labels(idx, val, 4);
    double[] w = new double[y.length];
    Arrays.fill(w, 1);
    for (int i = 0; i < 100; i++) {
      w[i] = 2;
    }
    for (int i = 100; i < 200; i++) {
      w[i] = 0;
    }
    double[] weighted = WeightedLogisticRegression.fit(x, y, w, 1.0, 1e-9, null);

    SparseRows.Builder b = new SparseRows.Builder(COLUMNS);
    List<Boolean> yy = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      int times = (int) w[i];
      for (int t = 0; t < times; t++) {
        b.add(idx.get(i), val.get(i));
        yy.add(y[i]);
      }
    }
    boolean[] y2 = new boolean[yy.size()];
    for (int i = 0; i < y2.length; i++) {
      y2[i] = yy.get(i);
    }
    double[] ones = new double[y2.length];
    Arrays.fill(ones, 1);
    double[] repeated = WeightedLogisticRegression.fit(b.build(), y2, ones, 1.0, 1e-9, null);
    assertArrayEquals(repeated, weighted, 1e-6);
  }

  /** The same doubles on one thread as on many, and from a warm start nearly the same solution. */
  @Test
  void deterministicWhateverTheThreadsAndWarmStartsConverge() throws Exception {
    List<int[]> idx = new ArrayList<>();
    List<float[]> val = new ArrayList<>();
    SparseRows x = matrix(3000, 5, val, idx);
    boolean[] y = labels(idx, val, 6);
    double[] ones = new double[y.length];
    Arrays.fill(ones, 1);
    double[] many = WeightedLogisticRegression.fit(x, y, ones, 2.0, 1e-4, null);
    double[] one =
        new ForkJoinPool(1)
            .submit(() -> WeightedLogisticRegression.fit(x, y, ones, 2.0, 1e-4, null))
            .get();
    assertArrayEquals(many, one, 0.0);
    double[] coarse = WeightedLogisticRegression.fit(x, y, ones, 0.5, 1e-4, null);
    double[] warm = WeightedLogisticRegression.fit(x, y, ones, 2.0, 1e-8, coarse);
    double[] cold = WeightedLogisticRegression.fit(x, y, ones, 2.0, 1e-8, null);
    assertArrayEquals(cold, warm, 1e-5);
  }

  @Test
  void refusesBadInput() {
    List<int[]> idx = new ArrayList<>();
    List<float[]> val = new ArrayList<>();
    SparseRows x = matrix(10, 7, val, idx);
    boolean[] y = new boolean[10];
    double[] w = new double[10];
    Arrays.fill(w, 1);
    w[2] = -1;
    assertThrows(
        IllegalArgumentException.class,
        () -> WeightedLogisticRegression.fit(x, y, w, 1, 0.01, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> WeightedLogisticRegression.fit(x, new boolean[9], new double[9], 1, 0.01, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SparseRows.Builder(5).add(new int[] {3, 1}, new float[] {1, 1}));
    assertTrue(x.entries() > 0);
  }
}
