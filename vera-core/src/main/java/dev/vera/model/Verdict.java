package dev.vera.model;

import dev.vera.article.Label;
import org.jspecify.annotations.Nullable;

/**
 * Vera's judgement of one article.
 *
 * @param id the article's id, or null
 * @param label ✖ fake or ✔ real: {@code probabilityFake >= threshold}
 * @param probabilityFake the calibrated probability that the article is fake (from the text alone
 *     unless {@code usedSource})
 * @param textProbabilityFake the calibrated probability from the text alone, always reported
 * @param threshold the decision threshold applied
 * @param usedSource whether the source evidence entered {@code probabilityFake}
 * @param source what is known about the publisher, reported whether used or not
 */
public record Verdict(
    @Nullable String id,
    Label label,
    double probabilityFake,
    double textProbabilityFake,
    double threshold,
    boolean usedSource,
    SourceEvidence source) {}
