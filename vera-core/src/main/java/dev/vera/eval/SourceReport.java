package dev.vera.eval;

import java.util.Objects;

/**
 * How the model fares on one publisher: useful to see whether it learned the outlet rather than the
 * article.
 *
 * @param source the publisher's domain
 * @param n number of evaluated articles from it
 * @param fakeShare share of them truly fake
 * @param meanProbabilityFake mean predicted fake probability
 * @param accuracy accuracy of the decisions on them
 */
public record SourceReport(
    String source, int n, double fakeShare, double meanProbabilityFake, double accuracy) {

  public SourceReport {
    Objects.requireNonNull(source, "source");
  }
}
