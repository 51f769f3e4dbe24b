package dev.vera.model;

import dev.vera.article.Label;
import org.jspecify.annotations.Nullable;

/**
 * Vera's judgement of one article.
 *
 * @param id the article's id, or null
 * @param label ✖ fake or ✔ real: {@code probabilityFake >= threshold}
 * @param probabilityFake the calibrated probability that the article is fake (from the text alone
 *     unless {@code usedSource}), for a feed whose share of fake is {@code baseRate}
 * @param textProbabilityFake the calibrated probability from the text alone, always reported
 * @param threshold the decision threshold applied
 * @param usedSource whether the source evidence entered {@code probabilityFake}
 * @param source what is known about the publisher, reported whether used or not
 * @param baseRate the share of fake articles the probability assumes in the reader's feed: the
 *     model's training mix unless the user gave another
 * @param applicability how far the article lies inside what the model was trained on, or null when
 *     the model cannot tell (models trained before Vera measured it)
 */
public record Verdict(
    @Nullable String id,
    Label label,
    double probabilityFake,
    double textProbabilityFake,
    double threshold,
    boolean usedSource,
    SourceEvidence source,
    double baseRate,
    @Nullable Applicability applicability) {}
