package dev.vera.model;

/**
 * Combines the calibrated text log-odds with the publisher's reputation into one probability, by
 * a logistic regression fitted on validation articles (whose source figures come from training
 * labels only, so nothing leaks). Used only when a user asks for {@code --use-source}.
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
    double[] w = LogisticFit.fit(inputs, fake);
    return new SourceCombiner(w[0], w[1], w[2], w[3]);
  }

  /** The combined probability of fake. */
  double probability(double textLogOdds, SourceEvidence e, double prior) {
    double[] x = inputs(textLogOdds, e, prior);
    return LogisticFit.sigmoid(
        textWeight * x[0] + sourceWeight * x[1] + knownWeight * x[2] + intercept);
  }
}
