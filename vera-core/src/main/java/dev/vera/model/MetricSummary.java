package dev.vera.model;

import dev.vera.eval.Evaluation;

/**
 * The headline figures of one evaluation, as recorded in a model card.
 *
 * @param part which data: e.g. {@code split=valid} or {@code split=test}
 */
public record MetricSummary(
    String part,
    int n,
    double accuracy,
    double macroF1,
    double rocAuc,
    double prAuc,
    double ece,
    double brier,
    double threshold) {

  /** The headline figures of an evaluation of {@code part}. */
  public static MetricSummary of(String part, Evaluation e) {
    return new MetricSummary(
        part,
        e.n(),
        e.accuracy(),
        e.macroF1(),
        e.rocAuc(),
        e.prAuc(),
        e.ece(),
        e.brier(),
        e.threshold());
  }
}
