package dev.vera.model;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.embed.EncoderUnavailableException;
import dev.vera.embed.SentenceEncoder;
import dev.vera.text.FeatureSpace;
import dev.vera.text.Sentence;
import dev.vera.text.SentenceSplitter;
import dev.vera.text.StyleFeatures;
import dev.vera.text.TextVectorizer;
import dev.vera.text.WordTerms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Vera's fast credibility model: a calibrated logistic regression over hashed TF-IDF text features
 * and style features, with the publisher's reputation kept as separate evidence. Immutable and
 * thread-safe; the one scoring path behind the CLI, the server and batch jobs.
 */
public final class CredibilityModel {
  /** Sentences beyond this many are not tried one by one when explaining (cost is linear). */
  private static final int MAX_EXPLAINED_SENTENCES = 80;

  private final TextVectorizer vectorizer;
  private final float[] weights;
  private final double intercept;
  private final PlattCalibrator calibrator;
  private final SourceReputation reputation;
  private final SourceCombiner combiner;
  private final long[] trainingHashes;
  private final ModelCard card;
  private final @Nullable NeighbourIndex neighbours;
  private final @Nullable ScoreStack stack;
  private final @Nullable EmbeddingHead embedding;
  private final ModelScope scope;

  /** Thresholds already worked out, by base rate and whether the source is used. */
  private final Map<String, Double> thresholds = new ConcurrentHashMap<>();

  /** Each corpus's cut, by base rate and whether the source is used. */
  private final Map<String, double[]> cuts = new ConcurrentHashMap<>();

  /**
   * @param weights one weight per vector index ({@link dev.vera.text.FeatureConfig#dimension()}),
   *     oriented toward fake
   * @param trainingHashes content hashes of the training articles, sorted
   */
  public CredibilityModel(
      TextVectorizer vectorizer,
      float[] weights,
      double intercept,
      PlattCalibrator calibrator,
      SourceReputation reputation,
      SourceCombiner combiner,
      long[] trainingHashes,
      ModelCard card) {
    this(
        vectorizer,
        weights,
        intercept,
        calibrator,
        reputation,
        combiner,
        trainingHashes,
        card,
        null,
        null,
        null);
  }

  /**
   * A model whose text score also reads the nearest training articles: the calibrator then maps
   * {@code stack.score(raw, neighbours)} rather than the raw linear score.
   *
   * @param neighbours the training articles' index, or null
   * @param stack the combination of the linear score with the neighbours' evidence and the
   *     embedding's score, or null when the model has neither
   * @param embedding the sentence-embedding classifier, or null
   * @throws IllegalArgumentException when the parts do not go together, or the embedding was fitted
   *     on another encoder than the one bundled with this Vera
   * @throws EncoderUnavailableException when the model has an embedding and the encoder's module is
   *     not on the class path
   */
  public CredibilityModel(
      TextVectorizer vectorizer,
      float[] weights,
      double intercept,
      PlattCalibrator calibrator,
      SourceReputation reputation,
      SourceCombiner combiner,
      long[] trainingHashes,
      ModelCard card,
      @Nullable NeighbourIndex neighbours,
      @Nullable ScoreStack stack,
      @Nullable EmbeddingHead embedding) {
    this(
        vectorizer,
        weights,
        intercept,
        calibrator,
        reputation,
        combiner,
        trainingHashes,
        card,
        neighbours,
        stack,
        embedding,
        null);
  }

  /**
   * A model with a scope: the corpora it knows, how to cut at any base rate, and how to tell an
   * article outside its experience.
   *
   * @param scope null for a model of one corpus with no curves and no applicability
   */
  public CredibilityModel(
      TextVectorizer vectorizer,
      float[] weights,
      double intercept,
      PlattCalibrator calibrator,
      SourceReputation reputation,
      SourceCombiner combiner,
      long[] trainingHashes,
      ModelCard card,
      @Nullable NeighbourIndex neighbours,
      @Nullable ScoreStack stack,
      @Nullable EmbeddingHead embedding,
      @Nullable ModelScope scope) {
    if ((stack != null) != (embedding != null || (stack != null && stack.readsNeighbours()))
        || (stack != null && stack.readsNeighbours() && neighbours == null)
        || (embedding != null && stack == null)) {
      throw new IllegalArgumentException(
          "a score stack goes with the neighbours it reads or an embedding head, and only then");
    }
    if (scope != null && scope.applicability() != null && neighbours == null) {
      throw new IllegalArgumentException(
          "applicability is measured on a neighbour index; the model has none");
    }
    if (embedding != null) {
      if (!SentenceEncoder.available()) {
        throw new EncoderUnavailableException("model " + card.modelId());
      }
      String bundled = SentenceEncoder.bundled().id();
      if (!bundled.equals(embedding.encoderId())) {
        throw new IllegalArgumentException(
            "the model's sentence embeddings come from encoder "
                + embedding.encoderId()
                + ", but this Vera bundles "
                + bundled
                + "; retrain the model with this Vera");
      }
    }
    if (weights.length != vectorizer.config().dimension()) {
      throw new IllegalArgumentException(
          "weights have "
              + weights.length
              + " entries, features "
              + vectorizer.config().dimension());
    }
    this.vectorizer = vectorizer;
    this.weights = weights;
    this.intercept = intercept;
    this.calibrator = calibrator;
    this.reputation = reputation;
    this.combiner = combiner;
    this.trainingHashes = trainingHashes.clone();
    Arrays.sort(this.trainingHashes);
    this.card = card;
    this.neighbours = neighbours;
    this.stack = stack;
    this.embedding = embedding;
    this.scope = scope == null ? ModelScope.legacy(card) : scope;
  }

  /**
   * Judges one article.
   *
   * @throws ScoringException when this article cannot be scored (the sentence encoder failed)
   */
  public Verdict predict(Article article, ScoringOptions options) {
    return verdictFor(article, read(article), options);
  }

  /**
   * What the text says: its calibrated log-odds of fake at the model's reference base rate, the
   * neighbours' evidence and the article's familiarity (when the model has a neighbour index).
   */
  private record Reading(
      double logOdds,
      @Nullable NeighbourEvidence near,
      double familiarity,
      double @Nullable [] share,
      double slope) {}

  private Reading read(Article article) {
    // The words that find the neighbours are counted in the linear score's pass over the text.
    WordTerms words = neighbours == null ? null : WordTerms.forThread(NeighbourIndex.HASH_BITS);
    double raw = vectorizer.dot(article, weights, words) + intercept;
    return reading(article, raw, words);
  }

  /** The reading from the raw linear score and the words counted in its pass (or none). */
  private Reading reading(Article article, double raw, @Nullable WordTerms words) {
    NeighbourIndex.Query query = words == null ? null : query(words.take(), article);
    NeighbourEvidence near = query == null ? null : evidence(query);
    double score = stack == null ? raw : stack.score(raw, embeddingScore(article), near);
    double[] share = query == null ? null : query.corpusShare();
    DomainCalibration domain = scope.domainCalibration();
    if (domain == null) {
      return new Reading(
          calibrator.logOdds(score),
          near,
          query == null ? 0 : query.familiarity(),
          share,
          calibrator.a());
    }
    return new Reading(
        domain.logOdds(score, share), near, query.familiarity(), share, domain.slope(share));
  }

  /** The embedding head's score of the article, or 0 when the model has none. */
  private double embeddingScore(Article article) {
    return embedding == null ? 0 : embedding.score(article);
  }

  private NeighbourIndex.Query query(WordTerms.Counts words, Article article) {
    NeighbourIndex n = Objects.requireNonNull(neighbours);
    ApplicabilityModel a = scope.applicability();
    return n.query(words, SourceReputation.publisherOf(article), -1, a == null ? 0 : a.k());
  }

  private NeighbourEvidence evidence(NeighbourIndex.Query query) {
    NeighbourIndex n = Objects.requireNonNull(neighbours);
    return NeighbourEvidence.of(query.neighbours(), n.settings().k(), n.prior());
  }

  /**
   * What the nearest training articles say of this one, or null when the model has no neighbour
   * index.
   */
  public @Nullable NeighbourEvidence neighbourEvidence(Article article) {
    if (neighbours == null) {
      return null;
    }
    return evidence(query(WordTerms.forThread(NeighbourIndex.HASH_BITS).count(article), article));
  }

  private Verdict verdictFor(Article article, Reading text, ScoringOptions options) {
    double reference = scope.mix().referenceRate();
    double rate = options.baseRate() == null ? reference : options.baseRate();
    double shift = BaseRate.shift(rate, reference);
    double textP = LogisticFit.sigmoid(text.logOdds() + shift);
    SourceEvidence source = reputation.evidence(article);
    double p = textP;
    if (options.useSource()) {
      p = LogisticFit.sigmoid(combiner.logOdds(text.logOdds(), source, reputation.prior()) + shift);
    }
    double threshold =
        options.threshold() != null
            ? options.threshold()
            : threshold(rate, options.useSource(), text.share());
    Label label = p >= threshold ? Label.FAKE : Label.REAL;
    ApplicabilityModel a = scope.applicability();
    return new Verdict(
        article.id(),
        label,
        p,
        textP,
        threshold,
        options.useSource(),
        source,
        rate,
        a == null ? null : a.assess(text.familiarity()));
  }

  /**
   * The decision threshold for an article whose nearest training articles come from the corpora in
   * shares {@code share}: each corpus's cut from its own validation articles, mixed by the shares
   * (the pooled cut when the curve knows no corpora or the share is unknown).
   */
  private double threshold(double rate, boolean useSource, double @Nullable [] share) {
    DecisionCurve curve = useSource ? scope.sourceCurve() : scope.textCurve();
    if (curve == null || curve.corpora() == 0 || share == null) {
      return threshold(rate, useSource);
    }
    String key = rate + (useSource ? "s" : "t");
    double[] known = cuts.get(key);
    if (known == null) {
      known = curve.cuts(rate);
      // A bounded cache: base rates come from users, one per feed.
      if (cuts.size() > 1000) {
        cuts.clear();
      }
      cuts.put(key, known);
    }
    return LogisticFit.sigmoid(
        DecisionCurve.cut(known, share) + BaseRate.shift(rate, scope.mix().referenceRate()));
  }

  /**
   * The decision threshold for a feed with share {@code rate} of fake, for an article like the
   * validation articles as a whole: from the validation curve when the model has one, else the
   * stored threshold re-expressed at that rate.
   */
  public double threshold(double rate, boolean useSource) {
    String key = rate + (useSource ? "s" : "t");
    Double known = thresholds.get(key);
    if (known != null) {
      return known;
    }
    DecisionCurve curve = useSource ? scope.sourceCurve() : scope.textCurve();
    double stored = useSource ? card.parameters().sourceThreshold() : card.parameters().threshold();
    double t =
        curve != null
            ? curve.threshold(rate)
            : BaseRate.reexpress(stored, scope.mix().referenceRate(), rate);
    // A bounded cache: base rates come from users, one per feed.
    if (thresholds.size() > 1000) {
      thresholds.clear();
    }
    thresholds.put(key, t);
    return t;
  }

  /** The corpora, base-rate curves and applicability of the model. */
  public ModelScope scope() {
    return scope;
  }

  /** The uncalibrated linear score of the text (log-odds scale before Platt scaling). */
  public double rawScore(Article article) {
    return vectorizer.dot(article, weights) + intercept;
  }

  /**
   * Judges an article and says why: the phrases (with character n-grams folded into the words they
   * came from), the sentences whose removal moves the probability most, and the style features,
   * each with its weight.
   *
   * @param topK how many phrases per direction and sentences to return
   * @param sentences whether to measure sentence effects (one extra scoring per sentence)
   */
  public Explanation explain(Article article, ScoringOptions options, int topK, boolean sentences) {
    // Contributions are gathered raw, then rescaled by the calibration's slope (known once the
    // neighbours are), so that weights read in calibrated log-odds, the scale of the
    // probability the user sees.
    // One map per part (title, body), keyed by the phrase.
    List<Map<String, PhraseAccumulator>> byPart = List.of(new HashMap<>(), new HashMap<>());
    // Character n-grams arrive word by word: the accumulator of the word being cut is kept, so
    // that its dozen n-grams cost an addition each rather than a lookup.
    PhraseAccumulator[] lastChunk = new PhraseAccumulator[1];
    int[] lastChunkKey = {-1, -1, -1};
    WordTerms words = neighbours == null ? null : WordTerms.forThread(NeighbourIndex.HASH_BITS);
    double dot =
        vectorizer.visitContributions(
            article,
            weights,
            words,
            (space, term, start, end, contribution) -> {
              String part = space.part() == FeatureSpace.Part.TITLE ? "title" : "body";
              if (space.kind() == FeatureSpace.Kind.WORDS) {
                String phrase = term.toString();
                byPart
                    .get(space.part().ordinal())
                    .computeIfAbsent(phrase, k -> new PhraseAccumulator(part, phrase))
                    .add(contribution, start, end);
                return;
              }
              if (lastChunk[0] != null
                  && lastChunkKey[0] == space.ordinal()
                  && lastChunkKey[1] == start
                  && lastChunkKey[2] == end) {
                lastChunk[0].addToLast(contribution);
                return;
              }
              // Credited to the word it was cut from, without the punctuation around it, so that
              // "wednesday." and "wednesday" are one phrase with one span.
              String text = space.textOf(article);
              int from = start;
              int to = end;
              while (from < to && !Character.isLetterOrDigit(text.charAt(from))) {
                from++;
              }
              while (to > from && !Character.isLetterOrDigit(text.charAt(to - 1))) {
                to--;
              }
              if (from == to) {
                from = start;
                to = end;
              }
              String phrase = text.substring(from, to).toLowerCase(Locale.ROOT);
              PhraseAccumulator acc =
                  byPart
                      .get(space.part().ordinal())
                      .computeIfAbsent(phrase, k -> new PhraseAccumulator(part, phrase));
              acc.add(contribution, from, to);
              lastChunk[0] = acc;
              lastChunkKey[0] = space.ordinal();
              lastChunkKey[1] = start;
              lastChunkKey[2] = end;
            });
    // The same reading predict() makes, from the same pass that found the phrases.
    Reading reading = reading(article, dot + intercept, words);
    NeighbourEvidence near = reading.near();
    double emb = embeddingScore(article);
    Verdict verdict = verdictFor(article, reading, options);
    double calibration = reading.slope();
    double slope = calibration * (stack == null ? 1.0 : stack.lexicalWeight());
    // The neighbours' part is told against an article with no similar known story at all, so
    // that its sign says which way they push; the rest of that reference goes to the base.
    NeighbourEvidence noNeighbours =
        neighbours == null
            ? null
            : NeighbourEvidence.none(neighbours.settings().k(), neighbours.prior());
    double neighbourReference = stack == null ? 0 : stack.neighbourShare(noNeighbours);
    // Phrases, neighbours and the base are told in log-odds at the verdict's base rate.
    double shift = BaseRate.shift(verdict.baseRate(), scope.mix().referenceRate());
    double neighbourWeight =
        stack == null ? 0 : calibration * (stack.neighbourShare(near) - neighbourReference);
    List<Explanation.PhraseEvidence> all = new ArrayList<>();
    for (Map<String, PhraseAccumulator> phrases : byPart) {
      for (PhraseAccumulator acc : phrases.values()) {
        all.add(acc.toEvidence(slope));
      }
    }
    Comparator<Explanation.PhraseEvidence> byWeight =
        Comparator.comparingDouble(Explanation.PhraseEvidence::weight)
            .thenComparing(Explanation.PhraseEvidence::phrase);
    List<Explanation.PhraseEvidence> fake =
        all.stream().filter(e -> e.weight() > 0).sorted(byWeight.reversed()).limit(topK).toList();
    List<Explanation.PhraseEvidence> credible =
        all.stream().filter(e -> e.weight() < 0).sorted(byWeight).limit(topK).toList();

    List<Explanation.StyleEvidence> style = new ArrayList<>();
    if (vectorizer.config().style()) {
      double[] values = StyleFeatures.compute(article);
      double[] std = vectorizer.standardizedStyle(article);
      int base = vectorizer.config().hashSize();
      for (int i = 0; i < values.length; i++) {
        style.add(
            new Explanation.StyleEvidence(
                StyleFeatures.NAMES.get(i), values[i], std[i] * weights[base + i] * slope));
      }
      style.sort(
          Comparator.comparingDouble((Explanation.StyleEvidence s) -> -Math.abs(s.weight())));
    }
    List<Explanation.SentenceEffect> effects =
        sentences
            ? sentenceEffects(article, verdict.textProbabilityFake(), shift, topK)
            : List.of();
    // What an article with no features at all would score: everything not credited to a
    // phrase, a style feature or the neighbours.
    double calibrationIntercept =
        scope.domainCalibration() == null
            ? calibrator.b()
            : scope.domainCalibration().intercept(reading.share());
    double base =
        shift
            + calibrationIntercept
            + calibration
                * (stack == null
                    ? intercept
                    : stack.lexicalWeight() * intercept + stack.intercept() + neighbourReference);
    return new Explanation(
        verdict,
        fake,
        credible,
        effects,
        style,
        base,
        near == null ? null : new Explanation.NeighbourShare(near, neighbourWeight),
        embedding == null || stack == null ? null : calibration * stack.embeddingWeight() * emb);
  }

  private List<Explanation.SentenceEffect> sentenceEffects(
      Article article, double p, double shift, int topK) {
    String body = article.text();
    List<Sentence> split = SentenceSplitter.ENGLISH.split(body);
    List<Explanation.SentenceEffect> out = new ArrayList<>();
    for (int i = 0; i < split.size() && out.size() < MAX_EXPLAINED_SENTENCES; i++) {
      Sentence s = split.get(i);
      if (s.end() - s.start() < 3) {
        continue;
      }
      // Removed with the white space that follows it, up to the next sentence.
      int next = i + 1 < split.size() ? split.get(i + 1).start() : body.length();
      Article without = article.withText(body.substring(0, s.start()) + body.substring(next));
      double pWithout = LogisticFit.sigmoid(read(without).logOdds() + shift);
      out.add(new Explanation.SentenceEffect(s.text(), s.start(), s.end(), p - pWithout));
    }
    out.sort(Comparator.comparingDouble((Explanation.SentenceEffect e) -> -Math.abs(e.delta())));
    return List.copyOf(out.subList(0, Math.min(topK, out.size())));
  }

  /** Whether an article with this content was among the training articles. */
  public boolean trainedOn(Article article) {
    return Arrays.binarySearch(trainingHashes, article.contentHash()) >= 0;
  }

  public ModelCard card() {
    return card;
  }

  /** The same model with its test figures recorded in the card (they chose nothing). */
  public CredibilityModel withTestMetrics(MetricSummary test) {
    return withCard(card.withTest(test));
  }

  /** The same model with another card (figures and notes only: the card scores nothing). */
  public CredibilityModel withCard(ModelCard newCard) {
    if (!newCard.modelId().equals(card.modelId())) {
      throw new IllegalArgumentException(
          "a card of model " + newCard.modelId() + " does not describe model " + card.modelId());
    }
    return new CredibilityModel(
        vectorizer,
        weights,
        intercept,
        calibrator,
        reputation,
        combiner,
        trainingHashes,
        newCard,
        neighbours,
        stack,
        embedding,
        scope);
  }

  public TextVectorizer vectorizer() {
    return vectorizer;
  }

  /** The weights (shared; do not modify). */
  public float[] weights() {
    return weights;
  }

  public double intercept() {
    return intercept;
  }

  public PlattCalibrator calibrator() {
    return calibrator;
  }

  public SourceReputation reputation() {
    return reputation;
  }

  public SourceCombiner combiner() {
    return combiner;
  }

  /** The training articles' neighbour index, or null when the text score reads none. */
  public @Nullable NeighbourIndex neighbours() {
    return neighbours;
  }

  /** The sentence-embedding classifier, or null. */
  public @Nullable EmbeddingHead embedding() {
    return embedding;
  }

  /** The stack of the linear score with the neighbours' evidence and the embedding, or null. */
  public @Nullable ScoreStack stack() {
    return stack;
  }

  /** Content hashes of the training articles, sorted. */
  public long[] trainingHashes() {
    return trainingHashes.clone();
  }

  private static final class PhraseAccumulator {
    final String part;
    final String phrase;
    double weight;
    final Set<Explanation.Span> spans = new LinkedHashSet<>();

    PhraseAccumulator(String part, String phrase) {
      this.part = part;
      this.phrase = phrase;
    }

    void add(double w, int start, int end) {
      weight += w;
      // A word's unigram and its character n-grams report the same span: a set keeps it once.
      spans.add(new Explanation.Span(start, end));
    }

    /** More weight for the occurrence added last (another n-gram of the same word). */
    void addToLast(double w) {
      weight += w;
    }

    /** The phrase's evidence, its summed raw contribution scaled by {@code slope}. */
    Explanation.PhraseEvidence toEvidence(double slope) {
      List<Explanation.Span> sorted = new ArrayList<>(spans);
      sorted.sort(Comparator.comparingInt(Explanation.Span::start));
      return new Explanation.PhraseEvidence(part, phrase, weight * slope, List.copyOf(sorted));
    }
  }
}
