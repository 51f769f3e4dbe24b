package dev.vera.feedback;

import dev.vera.article.Article;
import dev.vera.article.Label;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An analyst's correction of one verdict, as stored: the article itself (so that retraining can use
 * it), what the model said, what the analyst says, who and when.
 *
 * @param id the store's sequence number, assigned on commit (0 before)
 * @param article the corrected article; its {@link Article#contentHashHex()} identifies it
 * @param modelId the model whose verdict is corrected
 * @param modelLabel the model's verdict
 * @param modelProbabilityFake the model's calibrated probability of fake
 * @param label the analyst's label, the one retraining uses
 * @param note why, in the analyst's words (possibly empty)
 * @param analyst who corrected (a configured name)
 * @param createdAt when the correction was stored (UTC)
 */
public record Correction(
    long id,
    Article article,
    String modelId,
    Label modelLabel,
    double modelProbabilityFake,
    Label label,
    String note,
    String analyst,
    Instant createdAt) {

  public Correction {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(modelLabel, "modelLabel");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(createdAt, "createdAt");
    if (analyst == null || analyst.isBlank()) {
      throw new IllegalArgumentException(
          "a correction needs the analyst's name (--analyst, VERA_ANALYST, or \"analyst\" in the request)");
    }
    if (article.title().isBlank() && article.text().isBlank()) {
      throw new IllegalArgumentException("the corrected article has neither title nor text");
    }
  }

  /**
   * The article's content hash, 16 hex digits: the same identity the model uses for training data.
   */
  public String contentHash() {
    return article.contentHashHex();
  }

  /**
   * Whether the analyst disagrees with the model (a confirmation is stored too, but is no
   * correction).
   */
  public boolean disagrees() {
    return label != modelLabel;
  }

  /** The article as training data: the analyst's label, the correction's id when it has none. */
  public Article asTrainingArticle() {
    Article a = article.withLabel(label);
    return a.id() == null ? a.withId("correction-" + id) : a;
  }

  /** The same correction as committed under {@code newId} at {@code at}. */
  Correction stored(long newId, Instant at) {
    return new Correction(
        newId, article, modelId, modelLabel, modelProbabilityFake, label, note, analyst, at);
  }

  /** A correction not yet stored. */
  public static Correction draft(
      Article article,
      String modelId,
      Label modelLabel,
      double modelProbabilityFake,
      Label label,
      @Nullable String note,
      String analyst) {
    return new Correction(
        0,
        article,
        modelId,
        modelLabel,
        modelProbabilityFake,
        label,
        note == null ? "" : note.strip(),
        analyst == null ? null : analyst.strip(),
        Instant.EPOCH);
  }
}
