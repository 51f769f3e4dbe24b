package dev.vera.api;

import java.time.Instant;
import java.util.List;

/**
 * What a model is: its identity, what it was trained on, and its full model card. Immutable.
 *
 * @param modelId a stable identifier: the model's name and a hash of its training data and settings
 * @param name the model's name
 * @param createdAt when it was trained
 * @param veraVersion the Vera version that trained it
 * @param trainingArticles how many articles trained it
 * @param corpora the collections it was trained on (empty when it names none)
 * @param baseRate the share of fake articles its probabilities assume unless told otherwise
 * @param markdown the full model card as Markdown: data, settings, validation and test figures,
 *     limits
 */
public record Card(
    String modelId,
    String name,
    Instant createdAt,
    String veraVersion,
    int trainingArticles,
    List<String> corpora,
    double baseRate,
    String markdown) {
  public Card {
    corpora = List.copyOf(corpora);
  }
}
