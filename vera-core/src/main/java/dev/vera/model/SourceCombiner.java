package dev.vera.model;

import org.jspecify.annotations.Nullable;

/**
 * Combines the calibrated text log-odds with the publisher's reputation into one probability, by a
 * logistic regression fitted on validation articles (whose source figures come from training labels
 * only, so nothing leaks). Used only when a user asks for {@code --use-source}.
 */
public record SourceCombiner(
    double textWeight, double sourceWeight, double knownWeight, double intercept) {

  /** The source's signal: its fake rate's log-odds relative to the prior; 0 when unknown. */
  static double sourceSignal(SourceEvidence e, double prior) {
    return e.known() ? LogisticFit.logit(e.fakeRate()) - LogisticFit.logit(prior) : 0.0;
  }

  static double[] inputs(double textLogOdds, SourceEvidence e, double prior) {
    return new double[] {textLogOdds, sourceSignal(e, prior), e.known() ? 1 : 0};
  }

  /** Fits the combination on held-out text log-odds, source evidence and labels. */
  static SourceCombiner fit(double[][] inputs, boolean[] fake) {
    return fit(inputs, fake, null, null);
  }

  /**
   * Fits the combination on held-out articles of several corpora, each weighted, with the shift of
   * log-odds from the reference base rate to its corpus's rate as a fixed offset.
   */
  static SourceCombiner fit(
      double[][] inputs, boolean[] fake, double @Nullable [] weights, double @Nullable [] offsets) {
    double[] w = LogisticFit.fit(inputs, fake, weights, offsets);
    return new SourceCombiner(w[0], w[1], w[2], w[3]);
  }

  /** The combined log-odds of fake, at the base rate the text log-odds are given at. */
  double logOdds(double textLogOdds, SourceEvidence e, double prior) {
    double[] x = inputs(textLogOdds, e, prior);
    return textWeight * x[0] + sourceWeight * x[1] + knownWeight * x[2] + intercept;
  }

  /** The combined probability of fake. */
  double probability(double textLogOdds, SourceEvidence e, double prior) {
    return LogisticFit.sigmoid(logOdds(textLogOdds, e, prior));
  }
}
