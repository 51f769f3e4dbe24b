package dev.vera.model;

import dev.vera.VeraVersion;
import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.embed.ArticleEmbedder;
import dev.vera.embed.EmbeddingCache;
import dev.vera.embed.SentenceEncoder;
import dev.vera.eval.Evaluation;
import dev.vera.eval.StratifiedKFold;
import dev.vera.model.fit.SparseRows;
import dev.vera.model.fit.WeightedLogisticRegression;
import dev.vera.text.TextVectorizer;
import dev.vera.text.WordTerms;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Trains a {@link CredibilityModel}: TF-IDF features fitted on the training part, an L2
 * logistic regression per candidate C (each corpus weighted as {@link CorpusMix} says, with an
 * intercept of its own), and on the validation part the choice of C, the Platt calibration (at
 * the training mix's base rate, each corpus offset to its own), the decision curve, the
 * applicability reference, the source smoothing and the source combination. The test part, when
 * given, is scored once at the end for the model card and influences nothing. Deterministic: the
 * same articles and configuration give the same weights.
 */
public final class LinearTrainer {
  /** The solver, as the model card names it. */
  static final String SOLVER = "L2R_LR";
  static final double EPSILON = TrainingRows.EPSILON;

  private final TrainingConfig config;

  public LinearTrainer(TrainingConfig config) {
    this.config = config;
  }

  /** Trains on {@code data.train()}, tunes on {@code data.valid()}, reports on {@code data.test()}. */
  public CredibilityModel train(TrainingSet data, ProgressListener progress) {
    data.requireHeldOutUnseen();
    List<Article> corpusTrain = labelled(data.train(), "training");
    List<Article> valid = labelled(data.valid(), "validation");
    List<Article> train = new ArrayList<>(corpusTrain);
    train.addAll(data.corrections());
    requireBothClasses(train, "training");
    requireBothClasses(valid, "validation");
    // The mix counts the corpora's own articles: corrections weigh correctionWeight each.
    CorpusMix mix = CorpusMix.of(corpusTrain, config.corpusBalance());

    TextVectorizer vectorizer =
        TextVectorizer.fit(
            config.features(),
            train,
            SourceReputation::publisherOf,
            config.maxPublisherShare(),
            done -> progress.update("counting terms", done, train.size()));
    TrainingRows rows =
        TrainingRows.of(
            corpusTrain, data.corrections(), data.correctionWeight(), mix,
            config.corpusIntercepts(), vectorizer, progress);
    ValidationRows validRows =
        ValidationRows.of(
            valid, TrainingRows.textRows(vectorizer, valid, "vectorizing validation articles", progress), mix);

    LexicalFit lexical = searchC(rows, validRows, progress);
    NeighbourIndex neighbours =
        NeighbourIndex.build(
                train,
                config.neighbours() == null ? NeighbourIndex.Settings.defaults() : config.neighbours(),
                done -> progress.update("indexing neighbours", done, train.size()))
            .withCorpora(mix.names(), corpusPositions(train, mix));
    StackedScores stacked = stack(rows, validRows, lexical, neighbours, progress);
    // The matrix is the largest thing in memory and no longer needed.
    rows = rows.withoutMatrix();

    Calibration calibration = chooseCalibration(stacked, rows, validRows, mix);
    ValidQueries queries = queryValid(neighbours, valid, progress);
    boolean domains = mix.corpora().size() > 1;
    DomainCalibration domain =
        domains
            ? DomainCalibration.fit(
                mix.names(), calibration.calibrator(), stacked.valid(), validRows.fake(),
                validRows.offsets(), validRows.corpus())
            : null;
    double[] validLogOdds = new double[valid.size()];
    for (int i = 0; i < validLogOdds.length; i++) {
      validLogOdds[i] =
          domain == null
              ? calibration.calibrator().logOdds(stacked.valid()[i])
              : domain.logOdds(stacked.valid()[i], queries.share()[i]);
    }
    int corpora = domains ? mix.corpora().size() : 0;
    DecisionCurve textCurve =
        new DecisionCurve(
            validLogOdds, validRows.fake(), validRows.weights(), mix.referenceRate(),
            domains ? validRows.corpus() : minusOnes(valid.size()), corpora);
    Label majority = majority(train);
    Evaluation validEval = validRows.evaluate(validLogOdds, queries.share(), textCurve, mix, majority);

    SourceFit source = fitSource(rows, validRows, validLogOdds, mix, corpora);
    ApplicabilityModel applicability =
        ApplicabilityModel.of(
            ApplicabilityModel.DEFAULT_K, queries.familiarity(), ApplicabilityModel.DEFAULT_FLAG_BELOW);
    ModelScope scope = new ModelScope(mix, textCurve, source.curve(), applicability, domain);

    ModelCard card =
        card(data, train, mix, lexical, calibration, textCurve, source, validEval, stacked.embedding());
    CredibilityModel model =
        new CredibilityModel(
            vectorizer,
            lexical.textWeights(),
            lexical.intercept(),
            calibration.calibrator(),
            source.reputation(),
            source.combiner(),
            hashes(train),
            card,
            neighbours,
            stacked.stack(),
            stacked.embedding(),
            scope);

    List<Article> test = data.test().stream().filter(a -> a.label() != null).toList();
    if (!test.isEmpty()) {
      Evaluation testEval =
          ModelEvaluation.evaluate(model, test, ScoringOptions.DEFAULT, majority, false, progress);
      model = model.withTestMetrics(summary(data.partName("test"), testEval));
    }
    return model.withCard(model.card().withCorpora(corpusCards(model, test, data.partName("test"), majority, progress)));
  }

  /**
   * One card entry per named training corpus, with the model's figures on the corpus's own test
   * articles at the corpus's own base rate (none for a single unnamed corpus).
   */
  private static List<ModelCard.CorpusCard> corpusCards(
      CredibilityModel model, List<Article> test, String part, Label majority, ProgressListener progress) {
    CorpusMix mix = model.scope().mix();
    if (mix.corpora().size() == 1 && mix.corpora().get(0).name().isEmpty()) {
      return List.of();
    }
    List<ModelCard.CorpusCard> out = new ArrayList<>();
    for (CorpusMix.Corpus c : mix.corpora()) {
      List<Article> own = test.stream().filter(a -> CorpusMix.corpusOf(a).equals(c.name())).toList();
      MetricSummary figures = null;
      if (!own.isEmpty()) {
        Evaluation e =
            ModelEvaluation.evaluate(
                model, own, ScoringOptions.DEFAULT.withBaseRate(c.fakeRate()), majority, false, progress);
        figures = summary(c.name() + " " + part, e);
      }
      out.add(new ModelCard.CorpusCard(c.name(), c.trainArticles(), c.trainFake(), c.weight(), null, figures, null));
    }
    return out;
  }

  /**
   * The text model at the chosen C: weights over the text features, the intercept, each
   * candidate's validation figures, and the validation articles' raw scores.
   */
  private record LexicalFit(
      double c, double[] weights, int dims, double[] validRaw, List<ModelCard.CandidateScore> search) {
    float[] textWeights() {
      float[] w = new float[dims];
      for (int i = 0; i < dims; i++) {
        w[i] = (float) weights[i];
      }
      return w;
    }

    double intercept() {
      return weights[dims];
    }
  }

  /**
   * Fits the text model at every candidate C and keeps the one whose validation scores rank best within each corpus (mean
   * ROC-AUC over corpora; higher validation macro-F1 breaks ties within 0.001).
   */
  private LexicalFit searchC(TrainingRows rows, ValidationRows valid, ProgressListener progress) {
    List<Double> grid = config.cGrid().stream().sorted().toList();
    List<ModelCard.CandidateScore> search = new ArrayList<>();
    LexicalFit best = null;
    double bestAuc = Double.NEGATIVE_INFINITY;
    double bestF1 = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < grid.size(); k++) {
      double c = grid.get(k);
      progress.update("fitting C=" + c, k, grid.size());
      // Each fit starts from zero: from a nearby C's solution the stopping rule (relative to
      // the gradient at zero) would be met before the weights moved.
      double[] w = rows.fit(c, null, null);
      double[] raw = new double[valid.size()];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = TrainingRows.textScore(valid.x(), i, w, rows.dims());
      }
      double auc = valid.meanRocAuc(raw);
      double f1 = bestMacroF1(raw, valid);
      search.add(new ModelCard.CandidateScore(c, f1, auc));
      if (best == null || auc > bestAuc + 1e-3 || (Math.abs(auc - bestAuc) <= 1e-3 && f1 > bestF1)) {
        best = new LexicalFit(c, w, rows.dims(), raw, search);
        bestAuc = auc;
        bestF1 = f1;
      }
    }
    progress.update("fitting", grid.size(), grid.size());
    return new LexicalFit(best.c(), best.weights(), best.dims(), best.validRaw(), List.copyOf(search));
  }

  /** The best macro-F1 any cut of the raw scores reaches on the (corpus-weighted) validation part. */
  private static double bestMacroF1(double[] raw, ValidationRows valid) {
    double cut = ThresholdChoice.bestMacroF1(raw, valid.fake(), valid.weights());
    double tp = 0;
    double fp = 0;
    double fn = 0;
    double tn = 0;
    for (int i = 0; i < raw.length; i++) {
      boolean calledFake = raw[i] >= cut;
      double w = valid.weights()[i];
      if (valid.fake()[i]) {
        tp += calledFake ? w : 0;
        fn += calledFake ? 0 : w;
      } else {
        fp += calledFake ? w : 0;
        tn += calledFake ? 0 : w;
      }
    }
    return (2 * tp / Math.max(1e-12, 2 * tp + fp + fn) + 2 * tn / Math.max(1e-12, 2 * tn + fn + fp)) / 2;
  }

  /**
   * The text score of training (out of fold) and validation articles: the linear score alone, or
   * stacked with the neighbours' evidence and the embedding head's score.
   *
   * @param train the training articles' scores, out of fold (null when nothing needed them)
   */
  private record StackedScores(
      double @Nullable [] train, double[] valid, @Nullable ScoreStack stack, @Nullable EmbeddingHead embedding) {}

  private StackedScores stack(
      TrainingRows rows,
      ValidationRows valid,
      LexicalFit lexical,
      NeighbourIndex neighbours,
      ProgressListener progress) {
    boolean stackNeighbours = config.neighbours() != null;
    if (!stackNeighbours && config.embeddings() == null) {
      // Nothing to stack: the training scores would only serve calibration, which validation
      // serves alone (see chooseCalibration).
      return new StackedScores(null, lexical.validRaw(), null, null);
    }
    double[] oof = outOfFoldScores(rows, lexical.c(), progress);
    boolean[] trainFake = rows.fake();
    List<Article> train = rows.articles();
    NeighbourEvidence[] trainNear = null;
    NeighbourEvidence[] validNear = null;
    if (stackNeighbours) {
      // Leave-one-out neighbours for the training articles, as out-of-fold as their linear scores.
      trainNear = nearest(neighbours, train, true, "neighbours of training articles", progress);
      validNear = nearest(neighbours, valid.articles(), false, "neighbours of validation articles", progress);
    }
    EmbeddingFit fit = null;
    if (config.embeddings() != null) {
      fit = fitEmbedding(rows, valid, config.embeddings(), progress);
    }
    ScoreStack stack =
        ScoreStack.fit(
            oof,
            fit == null ? null : fit.outOfFold(),
            trainNear == null ? null : features(trainNear),
            trainFake,
            rows.weights(),
            rows.offsets());
    double[] trainScore = new double[oof.length];
    for (int i = 0; i < oof.length; i++) {
      trainScore[i] =
          stack.score(
              oof[i],
              fit == null ? 0 : fit.outOfFold()[i],
              trainNear == null ? null : trainNear[i]);
    }
    double[] validScore = new double[valid.size()];
    for (int i = 0; i < validScore.length; i++) {
      validScore[i] =
          stack.score(
              lexical.validRaw()[i],
              fit == null ? 0 : fit.valid()[i],
              validNear == null ? null : validNear[i]);
    }
    return new StackedScores(trainScore, validScore, stack, fit == null ? null : fit.head());
  }

  private static double[][] features(NeighbourEvidence[] near) {
    double[][] out = new double[near.length][];
    for (int i = 0; i < near.length; i++) {
      out[i] = near[i].features();
    }
    return out;
  }

  /**
   * What the index says of each validation article: its familiarity with the training data
   * (the applicability reference) and the corpora its nearest training articles come from.
   */
  private record ValidQueries(double[] familiarity, double[][] share) {}

  private static ValidQueries queryValid(
      NeighbourIndex index, List<Article> valid, ProgressListener progress) {
    double[] measures = new double[valid.size()];
    double[][] share = new double[valid.size()][];
    AtomicLong done = new AtomicLong();
    java.util.stream.IntStream.range(0, valid.size())
        .parallel()
        .forEach(
            i -> {
              Article a = valid.get(i);
              NeighbourIndex.Query q =
                  index.query(
                      WordTerms.forThread(NeighbourIndex.HASH_BITS).count(a),
                      SourceReputation.publisherOf(a),
                      -1,
                      ApplicabilityModel.DEFAULT_K);
              measures[i] = q.familiarity();
              share[i] = q.corpusShare();
              long d = done.incrementAndGet();
              if (d % 256 == 0 || d == measures.length) {
                synchronized (progress) {
                  progress.update("familiarity of validation articles", d, measures.length);
                }
              }
            });
    return new ValidQueries(measures, share);
  }

  /** Per training article, its corpus's position in the mix (-1 for a correction). */
  private static byte[] corpusPositions(List<Article> train, CorpusMix mix) {
    byte[] out = new byte[train.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) mix.indexOf(train.get(i));
    }
    return out;
  }

  private static int[] minusOnes(int n) {
    int[] out = new int[n];
    Arrays.fill(out, -1);
    return out;
  }

  /** The source evidence: reputation tables, their combination with the text, its cut. */
  private record SourceFit(
      SourceReputation reputation, SourceCombiner combiner, DecisionCurve curve, double threshold) {}

  private SourceFit fitSource(
      TrainingRows rows, ValidationRows valid, double[] validLogOdds, CorpusMix mix, int corpora) {
    SourceReputation learned =
        SourceReputation.learn(rows.articles(), 1, config.ratings(), rows.weights(), rows.offsets());
    SourceReputation reputation = learned.withSmoothing(chooseSmoothing(learned, valid.articles()));
    double[][] inputs = new double[valid.size()][];
    for (int i = 0; i < valid.size(); i++) {
      inputs[i] =
          SourceCombiner.inputs(
              validLogOdds[i], reputation.evidence(valid.articles().get(i)), reputation.prior());
    }
    SourceCombiner combiner = SourceCombiner.fit(inputs, valid.fake(), valid.weights(), valid.offsets());
    double[] combined = new double[valid.size()];
    for (int i = 0; i < combined.length; i++) {
      combined[i] =
          combiner.logOdds(validLogOdds[i], reputation.evidence(valid.articles().get(i)), reputation.prior());
    }
    DecisionCurve curve =
        new DecisionCurve(
            combined, valid.fake(), valid.weights(), mix.referenceRate(),
            corpora > 0 ? valid.corpus() : minusOnes(valid.size()), corpora);
    return new SourceFit(reputation, combiner, curve, curve.threshold(mix.referenceRate()));
  }

  private ModelCard card(
      TrainingSet data,
      List<Article> train,
      CorpusMix mix,
      LexicalFit lexical,
      Calibration calibration,
      DecisionCurve textCurve,
      SourceFit source,
      Evaluation validEval,
      @Nullable EmbeddingHead embedding) {
    String setHash = trainingSetSha256(train);
    ModelCard.Parameters params =
        new ModelCard.Parameters(
            config.features(),
            SOLVER,
            lexical.c(),
            lexical.search(),
            calibration.description(),
            textCurve.threshold(mix.referenceRate()),
            source.threshold(),
            source.reputation().smoothing(),
            config.seed(),
            config.neighbours(),
            embedding == null ? null : embeddingDescription(embedding));
    int fakeCount = (int) train.stream().filter(a -> a.label() == Label.FAKE).count();
    ModelCard.TrainingData td =
        new ModelCard.TrainingData(
            data.files(),
            data.splitField(),
            setHash,
            train.size(),
            fakeCount,
            data.valid().size(),
            data.corrections().size(),
            data.correctionWeight(),
            data.correctionsHeldOutRemoved(),
            data.heldOutDuplicatesRemoved());
    return new ModelCard(
        modelId(config, setHash, data.correctionWeight()),
        config.name(),
        createdAt(),
        VeraVersion.get(),
        System.getProperty("java.version", "unknown"),
        td,
        params,
        List.of(summary(data.partName("valid"), validEval)),
        null);
  }

  private String embeddingDescription(EmbeddingHead embedding) {
    return String.format(
        java.util.Locale.ROOT,
        "%s; the title and the first %d body window(s) of %d tokens, mean-pooled;"
            + " logistic regression, C=%s (chosen on validation ROC-AUC among %s)",
        embedding.encoderId(),
        embedding.bodyWindows(),
        dev.vera.embed.SentenceEncoder.WINDOW,
        embedding.c(),
        config.embeddings().cGrid());
  }

  private static long[] hashes(List<Article> train) {
    long[] hashes = new long[train.size()];
    for (int i = 0; i < train.size(); i++) {
      hashes[i] = train.get(i).contentHash();
    }
    return hashes;
  }

  /**
   * When training finished, or the time in {@code SOURCE_DATE_EPOCH} (seconds) when set: the
   * reproducible-builds convention, so that rebuilding the bundled model gives the same bytes.
   */
  static Instant createdAt() {
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    if (epoch != null && epoch.strip().matches("\\d{1,12}")) {
      return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
    }
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  /** The calibrator kept, and how it was chosen, for the model card. */
  private record Calibration(PlattCalibrator calibrator, String description) {}

  /**
   * Linear scores of the training articles, each from a model fitted without it: 5-fold
   * cross-fitting at the chosen C. They train the stack, and may calibrate, both of which must
   * see scores as the model gives them to articles it never saw.
   */
  private double[] outOfFoldScores(TrainingRows rows, double c, ProgressListener progress) {
    int[] folds = folds(rows);
    int k = FOLDS;
    double[] oof = new double[rows.size()];
    for (int f = 0; f < k; f++) {
      progress.update("cross-fitting", f, k);
      boolean[] keep = new boolean[rows.size()];
      for (int i = 0; i < keep.length; i++) {
        keep[i] = folds[i] != f;
      }
      double[] w = rows.fit(c, keep, null);
      for (int i = 0; i < oof.length; i++) {
        if (folds[i] == f) {
          oof[i] = rows.score(i, w);
        }
      }
    }
    progress.update("cross-fitting", k, k);
    return oof;
  }

  private static final int FOLDS = 5;

  /** Stratified, seeded folds over the training rows (the same for every cross-fitting). */
  private int[] folds(TrainingRows rows) {
    List<Label> labels = new ArrayList<>(rows.size());
    for (boolean f : rows.fake()) {
      labels.add(f ? Label.FAKE : Label.REAL);
    }
    return StratifiedKFold.assignFolds(labels, FOLDS, config.seed());
  }

  /** The embedding head, its out-of-fold training scores and its validation scores. */
  private record EmbeddingFit(EmbeddingHead head, double[] outOfFold, double[] valid) {}

  /**
   * The sentence-embedding classifier: L2 logistic regression (LIBLINEAR) over the article
   * embeddings, C chosen by validation ROC-AUC, then 5-fold out-of-fold scores of the training
   * articles at that C (the same folds as the linear score's) for the stack.
   */
  private EmbeddingFit fitEmbedding(
      TrainingRows rows, ValidationRows valid, EmbeddingHead.Settings settings, ProgressListener progress) {
    SentenceEncoder encoder = SentenceEncoder.bundled();
    ArticleEmbedder embedder = new ArticleEmbedder(encoder, settings.bodyWindows());
    EmbeddingCache cache = EmbeddingCache.open(encoder.id(), settings.bodyWindows());
    List<Article> train = rows.articles();
    float[][] trainE =
        cache.embedAll(embedder::embed, train, d -> progress.update("embedding training articles", d, train.size()));
    float[][] validE =
        cache.embedAll(
            embedder::embed, valid.articles(), d -> progress.update("embedding validation articles", d, valid.size()));
    // A cache that cannot be written only makes the next run embed again.
    cache.save();
    int dims = ArticleEmbedder.DIMENSION;
    SparseRows trainX = dense(trainE);
    SparseRows validX = dense(validE);
    double bestC = settings.cGrid().get(0);
    double bestAuc = -1;
    double[] bestW = null;
    int tried = 0;
    for (double c : settings.cGrid()) {
      progress.update("fitting the embedding classifier, C=" + c, tried++, settings.cGrid().size());
      double[] w = WeightedLogisticRegression.fit(trainX, rows.fake(), rows.weights(), c, EPSILON, null);
      double[] score = new double[valid.size()];
      for (int i = 0; i < score.length; i++) {
        score[i] = TrainingRows.textScore(validX, i, w, dims);
      }
      double auc = valid.meanRocAuc(score);
      if (auc > bestAuc + 1e-9) {
        bestAuc = auc;
        bestC = c;
        bestW = w;
      }
    }
    int[] folds = folds(rows);
    double[] oof = new double[train.size()];
    for (int f = 0; f < FOLDS; f++) {
      progress.update("cross-fitting the embedding classifier", f, FOLDS);
      double[] ws = rows.weights().clone();
      for (int i = 0; i < folds.length; i++) {
        if (folds[i] == f) {
          ws[i] = 0;
        }
      }
      double[] w = WeightedLogisticRegression.fit(trainX, rows.fake(), ws, bestC, EPSILON, null);
      for (int i = 0; i < oof.length; i++) {
        if (folds[i] == f) {
          oof[i] = TrainingRows.textScore(trainX, i, w, dims);
        }
      }
    }
    float[] weights = new float[dims];
    for (int i = 0; i < dims; i++) {
      weights[i] = (float) bestW[i];
    }
    // The head scores with the float weights it stores, so training and scoring agree exactly.
    EmbeddingHead head = new EmbeddingHead(encoder.id(), settings.bodyWindows(), weights, bestW[dims], bestC);
    double[] validScores = new double[valid.size()];
    for (int i = 0; i < validScores.length; i++) {
      validScores[i] = head.score(validE[i]);
    }
    return new EmbeddingFit(head, oof, validScores);
  }

  /** Dense embeddings as rows, with the intercept as the last column. */
  private static SparseRows dense(float[][] rows) {
    int dims = ArticleEmbedder.DIMENSION;
    SparseRows.Builder b = new SparseRows.Builder(dims + 1);
    int[] idx = new int[dims + 1];
    for (int k = 0; k <= dims; k++) {
      idx[k] = k;
    }
    for (float[] r : rows) {
      float[] val = java.util.Arrays.copyOf(r, dims + 1);
      val[dims] = 1f;
      b.add(idx, val);
    }
    return b.build();
  }

  /** The neighbours of each article (leaving each training article out of its own). */
  private static NeighbourEvidence[] nearest(
      NeighbourIndex index,
      List<Article> articles,
      boolean training,
      String phase,
      ProgressListener progress) {
    NeighbourEvidence[] out = new NeighbourEvidence[articles.size()];
    AtomicLong done = new AtomicLong();
    java.util.stream.IntStream.range(0, articles.size())
        .parallel()
        .forEach(
            i -> {
              out[i] =
                  NeighbourEvidence.of(
                      index.nearest(articles.get(i), training ? i : -1),
                      index.settings().k(),
                      index.prior());
              long d = done.incrementAndGet();
              if (d % 256 == 0 || d == out.length) {
                synchronized (progress) {
                  progress.update(phase, d, out.length);
                }
              }
            });
    return out;
  }

  /**
   * Platt scaling fitted on the validation part, or, when the training articles have
   * out-of-fold scores, possibly on those (many points, and the validation part stays unseen):
   * the one with the lower validation log-loss is kept, the validation part's own fit being
   * judged by 2-fold cross-validation within it so that neither is scored in-sample. Every fit
   * weighs articles as training did and carries each corpus's offset from the reference rate.
   */
  private Calibration chooseCalibration(
      StackedScores stacked, TrainingRows rows, ValidationRows valid, CorpusMix mix) {
    double[] validScore = stacked.valid();
    PlattCalibrator onValid =
        PlattCalibrator.fit(validScore, valid.fake(), valid.weights(), valid.offsets());
    if (stacked.train() == null) {
      return new Calibration(onValid, "platt on the validation part");
    }
    PlattCalibrator crossFitted =
        PlattCalibrator.fit(stacked.train(), rows.fake(), rows.weights(), rows.offsets());
    double crossLoss = logLoss(crossFitted, validScore, valid, null, -1);
    List<Label> validLabels = new ArrayList<>();
    for (boolean f : valid.fake()) {
      validLabels.add(f ? Label.FAKE : Label.REAL);
    }
    int[] halves = StratifiedKFold.assignFolds(validLabels, 2, config.seed());
    double validLoss = 0;
    for (int h = 0; h < 2; h++) {
      boolean[] keep = new boolean[valid.size()];
      for (int i = 0; i < keep.length; i++) {
        keep[i] = halves[i] != h;
      }
      PlattCalibrator half =
          PlattCalibrator.fit(
              select(validScore, keep), select(valid.fake(), keep),
              select(valid.weights(), keep), select(valid.offsets(), keep));
      validLoss += logLoss(half, validScore, valid, halves, h);
    }
    double total = 0;
    for (double w : valid.weights()) {
      total += w;
    }
    validLoss /= total;
    crossLoss /= total;
    String losses =
        String.format(
            java.util.Locale.ROOT,
            "validation log-loss %.4f (out-of-fold training scores) vs %.4f (validation part)",
            crossLoss,
            validLoss);
    if (crossLoss <= validLoss) {
      return new Calibration(crossFitted, "platt on 5-fold out-of-fold training scores; " + losses);
    }
    return new Calibration(onValid, "platt on the validation part; " + losses);
  }

  private static double[] select(double[] values, boolean[] keep) {
    double[] out = new double[values.length];
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (keep[i]) {
        out[n++] = values[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static boolean[] select(boolean[] values, boolean[] keep) {
    boolean[] out = new boolean[values.length];
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (keep[i]) {
        out[n++] = values[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Weighted log-loss of a calibrator on the validation articles (of one half, when {@code
   * halves} is given), each at its own corpus's base rate.
   */
  private static double logLoss(
      PlattCalibrator cal, double[] score, ValidationRows valid, int @Nullable [] halves, int half) {
    double loss = 0;
    for (int i = 0; i < valid.size(); i++) {
      if (halves != null && halves[i] != half) {
        continue;
      }
      double p = LogisticFit.sigmoid(cal.logOdds(score[i]) + valid.offsets()[i]);
      p = Math.min(1 - 1e-12, Math.max(1e-12, p));
      loss -= valid.weights()[i] * (valid.fake()[i] ? Math.log(p) : Math.log(1 - p));
    }
    return loss;
  }

  /** Chooses the source smoothing with the lowest log-loss of source-only predictions on valid. */
  private double chooseSmoothing(SourceReputation learned, List<Article> valid) {
    double bestLoss = Double.POSITIVE_INFINITY;
    double best = config.smoothingGrid().isEmpty() ? 10.0 : config.smoothingGrid().get(0);
    for (double alpha : config.smoothingGrid()) {
      SourceReputation rep = learned.withSmoothing(alpha);
      double loss = 0;
      for (Article a : valid) {
        double p = Math.min(1 - 1e-6, Math.max(1e-6, rep.evidence(a).fakeRate()));
        loss -= a.label() == Label.FAKE ? Math.log(p) : Math.log(1 - p);
      }
      if (loss < bestLoss - 1e-9) {
        bestLoss = loss;
        best = alpha;
      }
    }
    return best;
  }

  /** The headline figures of an evaluation, as a model card records them. */
  public static MetricSummary summary(String part, Evaluation e) {
    return new MetricSummary(
        part, e.n(), e.accuracy(), e.macroF1(), e.rocAuc(), e.prAuc(), e.ece(), e.brier(), e.threshold());
  }

  private static List<Article> labelled(List<Article> articles, String part) {
    List<Article> out = articles.stream().filter(a -> a.label() != null).toList();
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "the " + part + " part has no labelled articles (a 'label' of fake or real is needed)");
    }
    return out;
  }

  private static void requireBothClasses(List<Article> articles, String part) {
    long fake = articles.stream().filter(a -> a.label() == Label.FAKE).count();
    if (fake == 0 || fake == articles.size()) {
      throw new IllegalArgumentException(
          "the "
              + part
              + " part holds one class only ("
              + articles.size()
              + " "
              + (fake == 0 ? "real" : "fake")
              + " articles); both fake and real examples are needed");
    }
  }

  private static boolean[] truths(List<Article> articles) {
    boolean[] y = new boolean[articles.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = articles.get(i).label() == Label.FAKE;
    }
    return y;
  }

  /** The more frequent label among labelled articles (real on a tie). */
  public static Label majority(List<Article> articles) {
    long fake = articles.stream().filter(a -> a.label() == Label.FAKE).count();
    long real = articles.stream().filter(a -> a.label() == Label.REAL).count();
    return fake > real ? Label.FAKE : Label.REAL;
  }

  /**
   * A model's identifier: its name and 12 hex digits of the SHA-256 of its training set hash and
   * the settings it was trained with (features, candidate values, seed, neighbours, embeddings,
   * corrections' weight). Two models of one name differ in id when their data or settings differ,
   * so that a correction or a report names the model it was made with; the same data and
   * settings give the same id (training is deterministic).
   */
  static String modelId(TrainingConfig config, String trainingSetSha256, int correctionWeight) {
    String settings =
        String.join(
            "\n",
            trainingSetSha256,
            config.features().toString(),
            config.cGrid().toString(),
            config.smoothingGrid().toString(),
            Long.toString(config.seed()),
            String.valueOf(config.neighbours()),
            String.valueOf(config.embeddings()),
            config.embeddings() == null ? "" : dev.vera.embed.SentenceEncoder.bundled().id(),
            Integer.toString(correctionWeight),
            "balance " + config.corpusBalance() + ", corpus intercepts " + config.corpusIntercepts()
                + ", publisher share " + config.maxPublisherShare(),
            config.ratings().lists().stream()
                .map(l -> l.name() + ":" + l.values().size())
                .collect(java.util.stream.Collectors.joining(",")));
    return config.name()
        + "-"
        + dev.vera.io.Sha256.hex(settings.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .substring(0, 12);
  }

  /** SHA-256 over each training article's content hash and label, in order. */
  public static String trainingSetSha256(List<Article> train) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      ByteBuffer buf = ByteBuffer.allocate(9);
      for (Article a : train) {
        buf.clear();
        buf.putLong(a.contentHash());
        buf.put((byte) (a.label() == Label.FAKE ? 1 : 0));
        md.update(buf.array());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
