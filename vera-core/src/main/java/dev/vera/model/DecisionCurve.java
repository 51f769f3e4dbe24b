package dev.vera.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where to cut for a feed with a given share of fake. The validation articles' calibrated
 * log-odds (at the model's reference base rate) and labels are kept; for a base rate {@code π}
 * they are reweighted as a feed with that share would hold them (fakes to total {@code π}, credible
 * articles {@code 1 - π}: the class-conditional scores stay those of validation) and the cut that
 * maximizes macro-F1 on them is taken. The cut is a fixed point on the reference scale, so the
 * same article gets the same cut whatever rate its probability is expressed at; it moves only
 * when the share of fake changes. At the reference rate it is the ordinary macro-F1 cut on the
 * (corpus-weighted) validation part.
 *
 * @param logOdds per validation article, its calibrated log-odds of fake at the reference rate
 * @param fake per validation article, its label
 * @param weight per validation article, its corpus weight in training
 * @param referenceRate the base rate the log-odds are calibrated at
 */
public record DecisionCurve(double[] logOdds, boolean[] fake, double[] weight, double referenceRate) {

  public DecisionCurve {
    if (logOdds.length != fake.length || logOdds.length != weight.length || logOdds.length == 0) {
      throw new IllegalArgumentException("a decision curve needs one score, label and weight per article");
    }
    BaseRate.check(referenceRate);
    logOdds = logOdds.clone();
    fake = fake.clone();
    weight = weight.clone();
  }

  /**
   * The cut on the reference-rate log-odds for a feed with share {@code rate} of fake: an
   * article is fake when its reference log-odds are at or above it.
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
  public boolean equals(Object o) {
    return o instanceof DecisionCurve d
        && Arrays.equals(logOdds, d.logOdds)
        && Arrays.equals(fake, d.fake)
        && Arrays.equals(weight, d.weight)
        && Double.compare(referenceRate, d.referenceRate) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(logOdds), Arrays.hashCode(fake), Arrays.hashCode(weight), referenceRate);
  }

  @Override
  public String toString() {
    return "DecisionCurve[" + logOdds.length + " validation articles, reference rate " + referenceRate + "]";
  }
}
