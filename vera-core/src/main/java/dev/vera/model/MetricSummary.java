package dev.vera.model;

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
    double threshold) {}
