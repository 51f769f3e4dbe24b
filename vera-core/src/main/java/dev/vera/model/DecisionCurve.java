package dev.vera.model;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where to cut for a feed with a given share of fake. The validation articles' calibrated log-odds
 * (at the model's reference base rate) and labels are kept; for a base rate {@code π} they are
 * reweighted as a feed with that share would hold them (fakes to total {@code π}, credible articles
 * {@code 1 - π}: the class-conditional scores stay those of validation) and the cut that maximizes
 * macro-F1 on them is taken. The cut is a fixed point on the reference scale, so the same article
 * gets the same cut whatever rate its probability is expressed at; it moves only when the share of
 * fake changes. At the reference rate it is the ordinary macro-F1 cut on the (corpus-weighted)
 * validation part.
 *
 * @param logOdds per validation article, its calibrated log-odds of fake at the reference rate
 * @param fake per validation article, its label
 * @param weight per validation article, its corpus weight in training
 * @param referenceRate the base rate the log-odds are calibrated at
 * @param corpus per validation article, its training corpus's position (-1 for none)
 * @param corpora how many training corpora there are (0 when the curve knows none)
 */
public record DecisionCurve(
    double[] logOdds,
    boolean[] fake,
    double[] weight,
    double referenceRate,
    int[] corpus,
    int corpora) {

  /** How many validation articles the pooled cut counts for when pulling a corpus's own cut. */
  public static final double SHRINK = 100;

  public DecisionCurve {
    if (logOdds.length != fake.length
        || logOdds.length != weight.length
        || logOdds.length != corpus.length
        || logOdds.length == 0) {
      throw new IllegalArgumentException(
          "a decision curve needs one score, label, weight and corpus per article");
    }
    BaseRate.check(referenceRate);
    for (int c : corpus) {
      if (c < -1 || c >= corpora) {
        throw new IllegalArgumentException("a validation article's corpus is out of range: " + c);
      }
    }
    logOdds = logOdds.clone();
    fake = fake.clone();
    weight = weight.clone();
    corpus = corpus.clone();
  }

  /** A curve that knows no corpora: one cut for every article. */
  public DecisionCurve(double[] logOdds, boolean[] fake, double[] weight, double referenceRate) {
    this(logOdds, fake, weight, referenceRate, minusOnes(logOdds.length), 0);
  }

  private static int[] minusOnes(int n) {
    int[] out = new int[n];
    Arrays.fill(out, -1);
    return out;
  }

  /**
   * The cuts for a feed with share {@code rate} of fake: per corpus, the cut its own validation
   * articles give (pulled toward the pooled cut by {@link #SHRINK} articles' worth; the pooled cut
   * when they hold one class only), then the pooled cut last.
   */
  public double[] cuts(double rate) {
    double pooled = cut(rate);
    double[] out = new double[corpora + 1];
    for (int c = 0; c < corpora; c++) {
      out[c] = pooled;
      int n = 0;
      int fakes = 0;
      for (int i = 0; i < corpus.length; i++) {
        if (corpus[i] == c) {
          n++;
          fakes += fake[i] ? 1 : 0;
        }
      }
      if (fakes > 0 && fakes < n) {
        double own = cutOf(rate, c);
        out[c] = (n * own + SHRINK * pooled) / (n + SHRINK);
      }
    }
    out[corpora] = pooled;
    return out;
  }

  /**
   * The cut for an article whose nearest training articles come from the corpora in shares {@code
   * share} (the pooled cut when null), from {@link #cuts}.
   */
  public static double cut(double[] cuts, double @Nullable [] share) {
    if (share == null) {
      return cuts[cuts.length - 1];
    }
    double s = 0;
    for (int c = 0; c < share.length; c++) {
      s += share[c] * cuts[c];
    }
    return s;
  }

  /** Corpus {@code c}'s own cut: its validation articles alone, reweighted to the rate. */
  private double cutOf(double rate, int c) {
    int n = 0;
    for (int k : corpus) {
      n += k == c ? 1 : 0;
    }
    double[] s = new double[n];
    boolean[] y = new boolean[n];
    double[] w = new double[n];
    int j = 0;
    double fakeTotal = 0;
    double realTotal = 0;
    for (int i = 0; i < corpus.length; i++) {
      if (corpus[i] == c) {
        s[j] = logOdds[i];
        y[j] = fake[i];
        fakeTotal += fake[i] ? 1 : 0;
        realTotal += fake[i] ? 0 : 1;
        j++;
      }
    }
    for (int i = 0; i < n; i++) {
      w[i] = y[i] ? rate / fakeTotal : (1 - rate) / realTotal;
    }
    return ThresholdChoice.bestMacroF1(s, y, w);
  }

  /**
   * The cut on the reference-rate log-odds for a feed with share {@code rate} of fake: an article
   * is fake when its reference log-odds are at or above it.
   */
  public double cut(double rate) {
    BaseRate.check(rate);
    double fakeTotal = 0;
    double realTotal = 0;
    for (int i = 0; i < fake.length; i++) {
      if (fake[i]) {
        fakeTotal += weight[i];
      } else {
        realTotal += weight[i];
      }
    }
    double[] w = new double[weight.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = weight[i] * (fake[i] ? rate / fakeTotal : (1 - rate) / realTotal);
    }
    return ThresholdChoice.bestMacroF1(logOdds, fake, w);
  }

  /** The probability threshold at base rate {@code rate}: the cut expressed at that rate. */
  public double threshold(double rate) {
    return LogisticFit.sigmoid(cut(rate) + BaseRate.shift(rate, referenceRate));
  }

  @Override
  public double[] logOdds() {
    return logOdds.clone();
  }

  @Override
  public boolean[] fake() {
    return fake.clone();
  }

  @Override
  public double[] weight() {
    return weight.clone();
  }

  @Override
  public int[] corpus() {
    return corpus.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecisionCurve d
        && Arrays.equals(logOdds, d.logOdds)
        && Arrays.equals(fake, d.fake)
        && Arrays.equals(weight, d.weight)
        && Double.compare(referenceRate, d.referenceRate) == 0
        && Arrays.equals(corpus, d.corpus)
        && corpora == d.corpora;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(logOdds),
        Arrays.hashCode(fake),
        Arrays.hashCode(weight),
        referenceRate,
        Arrays.hashCode(corpus),
        corpora);
  }

  @Override
  public String toString() {
    return "DecisionCurve["
        + logOdds.length
        + " validation articles, reference rate "
        + referenceRate
        + "]";
  }
}
