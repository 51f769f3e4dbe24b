package dev.vera.model;

/**
 * How far an article lies inside what the model was trained on.
 *
 * @param score in [0, 1]: the share of the model's own validation articles (held out, from the
 *     training corpora) that are less similar to the training articles than this one; about 0.5 for
 *     a typical article of a training corpus, near 0 for one unlike them all
 * @param outsideExperience whether the score is below the model's flag level: the article is unlike
 *     what the model learned from, and its verdict deserves less trust
 * @param similarity the raw measure: the mean cosine similarity of the article's nearest training
 *     articles (see {@link ApplicabilityModel})
 */
public record Applicability(double score, boolean outsideExperience, double similarity) {}
