package dev.vera.api;

import dev.vera.article.Label;
import dev.vera.model.Applicability;
import dev.vera.model.CredibilityModel;
import dev.vera.model.Explanation;
import dev.vera.model.ModelCard;
import dev.vera.model.NeighbourIndex;
import dev.vera.model.ScoringOptions;
import dev.vera.model.SourceEvidence;
import dev.vera.model.Verdict;
import dev.vera.model.io.BundledModel;
import dev.vera.model.io.ModelCardText;
import dev.vera.model.io.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A credibility model ready to judge news articles: the entry point of Vera's Java API.
 *
 * <pre>{@code
 * Vera vera = Vera.load("fast");
 * Check check = vera.check(Article.of(title, body));
 * if (check.fake()) { ... check.probabilityFake() ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe: load a model once (a second or so) and share it; the {@code with}
 * methods return a copy with other options that shares the loaded model. Judging an article takes
 * about a millisecond with the fast models; explaining it, one judgement per sentence more.
 */
public final class Vera {
  /** Phrases per direction and sentences that {@link #explain(Article)} returns. */
  public static final int DEFAULT_TOP = 10;

  private final CredibilityModel model;
  private final ScoringOptions options;

  private Vera(CredibilityModel model, ScoringOptions options) {
    this.model = model;
    this.options = options;
  }

  /**
   * A model bundled with Vera, by name: {@code fast} (the default: trained on celebrity, political
   * and health news), {@code fast-gossipcop} or {@code accurate} (also sentence embeddings;
   * slower). See {@link #bundledModels()}.
   *
   * @throws IllegalArgumentException when no bundled model has that name
   * @throws IllegalStateException when the model reads sentence embeddings and the {@code
   *     dev.vera:vera-embeddings} module is not on the class path (the message says so)
   * @throws IOException when the model is not on the class path or cannot be read
   */
  public static Vera load(String name) throws IOException {
    BundledModel bundled =
        BundledModel.credibility(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no bundled model is named '"
                            + name
                            + "'; the bundled models are "
                            + bundledModels()));
    return new Vera(bundled.load(null), ScoringOptions.DEFAULT);
  }

  /**
   * A model file written by {@code vera train}.
   *
   * @throws IllegalStateException when the model reads sentence embeddings and the {@code
   *     dev.vera:vera-embeddings} module is not on the class path
   * @throws IOException when the file is missing, is not a Vera model or is damaged
   */
  public static Vera load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("model file not found: " + file);
    }
    return new Vera(ModelFile.read(file), ScoringOptions.DEFAULT);
  }

  /** The names {@link #load(String)} takes, the default first. */
  public static List<String> bundledModels() {
    return BundledModel.credibilityNames();
  }

  /**
   * The same model for a feed whose share of fake articles is {@code rate}: probabilities and the
   * threshold are re-expressed for it (by default, the model's training mix: {@link
   * Card#baseRate()}).
   *
   * @throws IllegalArgumentException unless {@code 0 < rate < 1}
   */
  public Vera withBaseRate(double rate) {
    return new Vera(model, options.withBaseRate(rate));
  }

  /**
   * The same model with a decision threshold of your own instead of the one chosen on validation
   * data.
   *
   * @throws IllegalArgumentException unless {@code 0 < threshold < 1}
   */
  public Vera withThreshold(double threshold) {
    return new Vera(model, new ScoringOptions(options.useSource(), threshold, options.baseRate()));
  }

  /**
   * The same model with the publisher's record mixed into the probability ({@code true}), or the
   * text alone (the default, {@code false}). The source is reported in every {@link Check} either
   * way.
   */
  public Vera withSource(boolean use) {
    return new Vera(model, new ScoringOptions(use, options.threshold(), options.baseRate()));
  }

  /**
   * Judges an article.
   *
   * @throws RuntimeException when the sentence encoder of a model that reads embeddings fails
   */
  public Check check(Article article) {
    return check(model.predict(Objects.requireNonNull(article, "article").internal(), options));
  }

  /** Judges an article and says why, with the {@value #DEFAULT_TOP} strongest phrases each way. */
  public Explained explain(Article article) {
    return explain(article, DEFAULT_TOP);
  }

  /**
   * Judges an article and says why.
   *
   * @param top how many phrases per direction, and sentences, to return
   */
  public Explained explain(Article article, int top) {
    if (top < 1) {
      throw new IllegalArgumentException("top must be at least 1, was " + top);
    }
    Explanation e =
        model.explain(Objects.requireNonNull(article, "article").internal(), options, top, true);
    Explanation.NeighbourShare near = e.neighbours();
    return new Explained(
        check(e.verdict()),
        e.towardFake().stream().map(Vera::phrase).toList(),
        e.towardCredible().stream().map(Vera::phrase).toList(),
        e.sentences().stream()
            .map(s -> new Explained.Sentence(s.sentence(), s.start(), s.delta()))
            .toList(),
        e.style().stream()
            .map(s -> new Explained.Style(s.feature(), s.value(), s.weight()))
            .toList(),
        near == null
            ? null
            : new Explained.Neighbours(
                near.evidence().k(),
                near.evidence().fake(),
                near.weight(),
                near.evidence().nearest().stream().map(Vera::neighbour).toList()),
        e.embedding());
  }

  private static Explained.Neighbour neighbour(NeighbourIndex.Neighbour n) {
    NeighbourIndex.Story story = n.story();
    return new Explained.Neighbour(
        n.id(),
        n.label() == Label.FAKE,
        n.similarity(),
        story.title(),
        story.publisher(),
        story.date(),
        story.url());
  }

  /** What the model is: its identity, training data and full model card. */
  public Card card() {
    ModelCard c = model.card();
    return new Card(
        c.modelId(),
        c.name(),
        c.createdAt(),
        c.veraVersion(),
        c.data().trainArticles(),
        c.corpora().stream().map(ModelCard.CorpusCard::name).toList(),
        model.scope().mix().referenceRate(),
        ModelCardText.markdown(model));
  }

  private static Explained.Phrase phrase(Explanation.PhraseEvidence p) {
    return new Explained.Phrase("title".equals(p.part()), p.phrase(), p.weight());
  }

  private static Check check(Verdict v) {
    SourceEvidence s = v.source();
    Applicability a = v.applicability();
    return new Check(
        v.id(),
        v.label() == Label.FAKE ? Check.Verdict.FAKE : Check.Verdict.CREDIBLE,
        v.probabilityFake(),
        v.textProbabilityFake(),
        v.threshold(),
        v.baseRate(),
        v.usedSource(),
        new Check.Source(s.domain(), s.known(), s.fakeRate(), s.trainingArticles(), s.ratings()),
        a == null ? null : new Check.Applicability(a.score(), a.outsideExperience()));
  }

  @Override
  public String toString() {
    return "Vera[" + model.card().modelId() + "]";
  }
}
