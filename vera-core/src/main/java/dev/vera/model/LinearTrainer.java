package dev.vera.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.vera.VeraVersion;
import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.eval.Evaluation;
import dev.vera.eval.Evaluator;
import dev.vera.eval.ScoredArticle;
import dev.vera.text.SparseVector;
import dev.vera.text.TextVectorizer;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Trains a {@link CredibilityModel}: TF-IDF features fitted on the training part, a LIBLINEAR
 * logistic regression per candidate C, and on the validation part the choice of C, the Platt
 * calibration, the decision threshold, the source smoothing and the source combination. The test
 * part, when given, is scored once at the end for the model card and influences nothing.
 * Deterministic: the same articles and configuration give the same weights.
 */
public final class LinearTrainer {
  static final SolverType SOLVER = SolverType.L2R_LR;
  static final double EPSILON = 0.01;

  static {
    Linear.disableDebugOutput();
  }

  private final TrainingConfig config;

  public LinearTrainer(TrainingConfig config) {
    this.config = config;
  }

  /** Trains on {@code data.train()}, tunes on {@code data.valid()}, reports on {@code data.test()}. */
  public CredibilityModel train(TrainingSet data, ProgressListener progress) {
    data.requireHeldOutUnseen();
    // Corrections are distinct training articles (for the features, the source counts and the
    // training hashes); only the fit sees each one correctionWeight times.
    List<Article> joined = new ArrayList<>(data.train().stream().filter(a -> a.label() != null).toList());
    joined.addAll(data.corrections());
    List<Article> train = labelled(joined, "training");
    List<Article> valid = labelled(data.valid(), "validation");
    requireBothClasses(train, "training");
    requireBothClasses(valid, "validation");

    TextVectorizer vectorizer =
        TextVectorizer.fit(
            config.features(),
            train,
            done -> progress.update("counting terms", done, train.size()));
    Feature[][] trainX = toLiblinear(vectorizer, train, "vectorizing training articles", progress);
    Feature[][] validX = toLiblinear(vectorizer, valid, "vectorizing validation articles", progress);
    int dims = config.features().dimension();

    int[] origin = replicatedRows(train.size(), data.corrections().size(), data.correctionWeight());
    Problem problem = problem(trainX, truths(train), origin, dims);
    boolean[] validFake = truths(valid);
    Label majority = majority(train);

    List<ModelCard.CandidateScore> search = new ArrayList<>();
    Candidate best = null;
    int tried = 0;
    for (double c : config.cGrid()) {
      progress.update("fitting C=" + c, tried++, config.cGrid().size());
      Linear.resetRandom();
      Model m = Linear.train(problem, new Parameter(SOLVER, c, EPSILON));
      double[] w = LogisticFit.orientedWeights(m, dims + 1);
      double[] raw = new double[valid.size()];
      for (int i = 0; i < valid.size(); i++) {
        raw[i] = dot(validX[i], w);
      }
      PlattCalibrator cal = PlattCalibrator.fit(raw, validFake);
      double[] p = new double[raw.length];
      for (int i = 0; i < raw.length; i++) {
        p[i] = cal.probability(raw[i]);
      }
      double threshold = ThresholdChoice.bestMacroF1(p, validFake);
      Evaluation ev = evaluate(valid, p, threshold, majority);
      search.add(new ModelCard.CandidateScore(c, ev.macroF1(), ev.rocAuc()));
      Candidate cand = new Candidate(c, w, raw, ev);
      if (best == null || cand.betterThan(best)) {
        best = cand;
      }
    }
    progress.update("fitting", config.cGrid().size(), config.cGrid().size());
    double[] oof = outOfFoldScores(problem, origin, train.size(), best.c, progress);
    boolean[] trainFake = new boolean[train.size()];
    for (int i = 0; i < trainFake.length; i++) {
      trainFake[i] = problem.y[i] == 1;
    }
    // Free the training matrix before the rest: it is the largest thing in memory.
    problem.x = null;
    double[] trainScore = oof;
    double[] validScore = best.validRaw;
    NeighbourIndex neighbours = null;
    NeighbourEvidence[] trainNear = null;
    NeighbourEvidence[] validNear = null;
    if (config.neighbours() != null) {
      neighbours =
          NeighbourIndex.build(
              train,
              config.neighbours(),
              done -> progress.update("indexing neighbours", done, train.size()));
      // Leave-one-out neighbours for the training articles, as out-of-fold as their linear scores.
      trainNear = nearest(neighbours, train, true, "neighbours of training articles", progress);
      validNear = nearest(neighbours, valid, false, "neighbours of validation articles", progress);
    }
    EmbeddingHead embedding = null;
    double[] trainEmb = null;
    double[] validEmb = null;
    if (config.embeddings() != null) {
      EmbeddingFit fit =
          fitEmbedding(train, valid, origin, trainFake, validFake, config.embeddings(), progress);
      embedding = fit.head();
      trainEmb = fit.outOfFold();
      validEmb = fit.valid();
    }
    ScoreStack stack = null;
    if (neighbours != null || embedding != null) {
      double[][] features = null;
      if (trainNear != null) {
        features = new double[train.size()][];
        for (int i = 0; i < features.length; i++) {
          features[i] = trainNear[i].features();
        }
      }
      stack = ScoreStack.fit(oof, trainEmb, features, trainFake);
      trainScore = new double[oof.length];
      for (int i = 0; i < oof.length; i++) {
        trainScore[i] =
            stack.score(oof[i], trainEmb == null ? 0 : trainEmb[i], trainNear == null ? null : trainNear[i]);
      }
      validScore = new double[valid.size()];
      for (int i = 0; i < validScore.length; i++) {
        validScore[i] =
            stack.score(
                best.validRaw[i],
                validEmb == null ? 0 : validEmb[i],
                validNear == null ? null : validNear[i]);
      }
    }
    Calibration calibration = chooseCalibration(trainScore, trainFake, validScore, validFake);
    double[] validP = new double[valid.size()];
    for (int i = 0; i < validP.length; i++) {
      validP[i] = calibration.calibrator().probability(validScore[i]);
    }
    double threshold = ThresholdChoice.bestMacroF1(validP, validFake);
    Evaluation validEval = evaluate(valid, validP, threshold, majority);

    float[] weights = new float[dims];
    for (int i = 0; i < dims; i++) {
      weights[i] = (float) best.weights[i];
    }
    double intercept = best.weights[dims];

    double smoothing = chooseSmoothing(train, valid);
    SourceReputation reputation = SourceReputation.learn(train, smoothing, config.ratings());
    double[][] combInputs = new double[valid.size()][];
    for (int i = 0; i < valid.size(); i++) {
      double textLogOdds = LogisticFit.logit(validP[i]);
      combInputs[i] =
          SourceCombiner.inputs(textLogOdds, reputation.evidence(valid.get(i)), reputation.prior());
    }
    SourceCombiner combiner = SourceCombiner.fit(combInputs, validFake);
    double[] combinedP = new double[valid.size()];
    for (int i = 0; i < valid.size(); i++) {
      combinedP[i] =
          combiner.probability(
              LogisticFit.logit(validP[i]), reputation.evidence(valid.get(i)), reputation.prior());
    }
    double sourceThreshold = ThresholdChoice.bestMacroF1(combinedP, validFake);

    long[] hashes = new long[train.size()];
    for (int i = 0; i < train.size(); i++) {
      hashes[i] = train.get(i).contentHash();
    }
    String setHash = trainingSetSha256(train);
    ModelCard.Parameters params =
        new ModelCard.Parameters(
            config.features(),
            SOLVER.name(),
            best.c,
            search,
            calibration.description(),
            threshold,
            sourceThreshold,
            smoothing,
            config.seed(),
            config.neighbours(),
            embedding == null
                ? null
                : String.format(
                    java.util.Locale.ROOT,
                    "%s; the title and the first %d body window(s) of %d tokens, mean-pooled;"
                        + " logistic regression, C=%s (chosen on validation ROC-AUC among %s)",
                    embedding.encoderId(),
                    embedding.bodyWindows(),
                    dev.vera.embed.SentenceEncoder.WINDOW,
                    embedding.c(),
                    config.embeddings().cGrid()));
    int fakeCount = (int) train.stream().filter(a -> a.label() == Label.FAKE).count();
    ModelCard.TrainingData td =
        new ModelCard.TrainingData(
            data.files(),
            data.splitField(),
            setHash,
            train.size(),
            fakeCount,
            valid.size(),
            data.corrections().size(),
            data.correctionWeight(),
            data.correctionsHeldOutRemoved(),
            data.heldOutDuplicatesRemoved());
    List<MetricSummary> validation =
        List.of(summary(data.partName("valid"), validEval));
    ModelCard card =
        new ModelCard(
            modelId(config, setHash, data.correctionWeight()),
            config.name(),
            createdAt(),
            VeraVersion.get(),
            System.getProperty("java.version", "unknown"),
            td,
            params,
            validation,
            null);
    CredibilityModel model =
        new CredibilityModel(
            vectorizer,
            weights,
            intercept,
            calibration.calibrator(),
            reputation,
            combiner,
            hashes,
            card,
            neighbours,
            stack,
            embedding);

    List<Article> test = data.test().stream().filter(a -> a.label() != null).toList();
    if (!test.isEmpty()) {
      Evaluation testEval =
          ModelEvaluation.evaluate(model, test, ScoringOptions.DEFAULT, majority, false, progress);
      model = model.withTestMetrics(summary(data.partName("test"), testEval));
    }
    return model;
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
   * cross-fitting at the chosen C. They calibrate the linear score and train the stack with the
   * neighbours, both of which must see scores as the model gives them to articles it never saw.
   */
  private double[] outOfFoldScores(
      Problem problem, int[] origin, int distinct, double c, ProgressListener progress) {
    // Folds are drawn over distinct articles, and a correction's copies follow their article:
    // a copy in the fitting folds must never score its own twin out of fold.
    List<Label> labels = new ArrayList<>(distinct);
    for (int i = 0; i < distinct; i++) {
      labels.add(problem.y[i] == 1 ? Label.FAKE : Label.REAL);
    }
    int k = 5;
    int[] distinctFolds = dev.vera.eval.StratifiedKFold.assignFolds(labels, k, config.seed());
    int[] folds = new int[problem.l];
    for (int i = 0; i < problem.l; i++) {
      folds[i] = distinctFolds[origin[i]];
    }
    double[] oof = new double[distinct];
    for (int f = 0; f < k; f++) {
      progress.update("cross-fitting", f, k);
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < problem.l; i++) {
        if (folds[i] != f) {
          rows.add(i);
        }
      }
      Problem part = new Problem();
      part.l = rows.size();
      part.n = problem.n;
      part.bias = problem.bias;
      part.x = new Feature[rows.size()][];
      part.y = new double[rows.size()];
      for (int j = 0; j < rows.size(); j++) {
        part.x[j] = problem.x[rows.get(j)];
        part.y[j] = problem.y[rows.get(j)];
      }
      Linear.resetRandom();
      Model m = Linear.train(part, new Parameter(SOLVER, c, EPSILON));
      double[] w = LogisticFit.orientedWeights(m, problem.n);
      for (int i = 0; i < distinct; i++) {
        if (folds[i] == f) {
          oof[i] = dot(problem.x[i], w);
        }
      }
    }
    progress.update("cross-fitting", k, k);
    return oof;
  }

  /** The embedding head, its out-of-fold training scores and its validation scores. */
  private record EmbeddingFit(EmbeddingHead head, double[] outOfFold, double[] valid) {}

  /**
   * The sentence-embedding classifier: L2 logistic regression (LIBLINEAR) over the article
   * embeddings, C chosen by validation ROC-AUC, then 5-fold out-of-fold scores of the training
   * articles at that C (the same folds as the linear score's) for the stack.
   */
  private EmbeddingFit fitEmbedding(
      List<Article> train,
      List<Article> valid,
      int[] origin,
      boolean[] trainFake,
      boolean[] validFake,
      EmbeddingHead.Settings settings,
      ProgressListener progress) {
    dev.vera.embed.SentenceEncoder encoder = dev.vera.embed.SentenceEncoder.bundled();
    dev.vera.embed.ArticleEmbedder embedder =
        new dev.vera.embed.ArticleEmbedder(encoder, settings.bodyWindows());
    dev.vera.embed.EmbeddingCache cache =
        dev.vera.embed.EmbeddingCache.open(encoder.id(), settings.bodyWindows());
    float[][] trainE =
        cache.embedAll(embedder::embed, train, d -> progress.update("embedding training articles", d, train.size()));
    float[][] validE =
        cache.embedAll(embedder::embed, valid, d -> progress.update("embedding validation articles", d, valid.size()));
    // A cache that cannot be written only makes the next run embed again.
    cache.save();
    Feature[][] trainX = dense(trainE);
    Feature[][] validX = dense(validE);
    int dims = dev.vera.embed.ArticleEmbedder.DIMENSION;
    Problem problem = problem(trainX, trainFake, origin, dims);
    double bestC = settings.cGrid().get(0);
    double bestAuc = -1;
    double[] bestW = null;
    int tried = 0;
    Label majority = majority(train);
    for (double c : settings.cGrid()) {
      progress.update("fitting the embedding classifier, C=" + c, tried++, settings.cGrid().size());
      Linear.resetRandom();
      double[] w = LogisticFit.orientedWeights(Linear.train(problem, new Parameter(SOLVER, c, EPSILON)), dims + 1);
      double[] p = new double[valid.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = LogisticFit.sigmoid(dot(validX[i], w));
      }
      double auc = evaluate(valid, p, 0.5, majority).rocAuc();
      if (auc > bestAuc + 1e-9) {
        bestAuc = auc;
        bestC = c;
        bestW = w;
      }
    }
    double[] oof = outOfFoldScores(problem, origin, train.size(), bestC, progress);
    double[] validScores = new double[valid.size()];
    for (int i = 0; i < validScores.length; i++) {
      validScores[i] = dot(validX[i], bestW);
    }
    float[] weights = new float[dims];
    for (int i = 0; i < dims; i++) {
      weights[i] = (float) bestW[i];
    }
    // The head scores with the float weights it stores, so training and scoring agree exactly.
    EmbeddingHead head = new EmbeddingHead(encoder.id(), settings.bodyWindows(), weights, bestW[dims], bestC);
    for (int i = 0; i < validScores.length; i++) {
      validScores[i] = head.score(validE[i]);
    }
    return new EmbeddingFit(head, oof, validScores);
  }

  /**
   * LIBLINEAR's training problem over {@code dims} features plus a bias: row {@code i} is the
   * article at {@code origin[i]} (corrections are replicated rows, see {@link #replicatedRows}).
   */
  private static Problem problem(Feature[][] x, boolean[] fake, int[] origin, int dims) {
    Problem problem = new Problem();
    problem.l = origin.length;
    problem.n = dims + 1;
    problem.bias = 1;
    problem.x = new Feature[origin.length][];
    problem.y = new double[origin.length];
    for (int i = 0; i < origin.length; i++) {
      problem.x[i] = x[origin[i]];
      problem.y[i] = fake[origin[i]] ? 1 : 0;
    }
    return problem;
  }

  private static Feature[][] dense(float[][] rows) {
    Feature[][] out = new Feature[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      Feature[] f = new Feature[rows[i].length];
      for (int k = 0; k < f.length; k++) {
        f[k] = new FeatureNode(k + 1, rows[i][k]);
      }
      out[i] = f;
    }
    return out;
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
   * Platt scaling fitted either on the out-of-fold scores of the training part (many points,
   * and the validation part stays unseen) or on the validation part itself; the one with the
   * lower validation log-loss is kept, the validation part's own fit being judged by 2-fold
   * cross-validation within it so that neither is scored in-sample.
   */
  private Calibration chooseCalibration(
      double[] trainScore, boolean[] trainFake, double[] validScore, boolean[] validFake) {
    PlattCalibrator crossFitted = PlattCalibrator.fit(trainScore, trainFake);
    double crossLoss = logLoss(crossFitted, validScore, validFake, null, -1);
    // The validation part's own Platt fit, judged on the half it was not fitted on, both ways.
    List<Label> validLabels = new ArrayList<>();
    for (boolean f : validFake) {
      validLabels.add(f ? Label.FAKE : Label.REAL);
    }
    int[] halves = dev.vera.eval.StratifiedKFold.assignFolds(validLabels, 2, config.seed());
    double validLoss = 0;
    for (int h = 0; h < 2; h++) {
      List<Double> xs = new ArrayList<>();
      List<Boolean> ys = new ArrayList<>();
      for (int i = 0; i < validFake.length; i++) {
        if (halves[i] != h) {
          xs.add(validScore[i]);
          ys.add(validFake[i]);
        }
      }
      double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
      boolean[] y = new boolean[ys.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = ys.get(i);
      }
      validLoss += logLoss(PlattCalibrator.fit(x, y), validScore, validFake, halves, h);
    }
    validLoss /= validFake.length;
    crossLoss /= validFake.length;
    String losses =
        String.format(
            java.util.Locale.ROOT,
            "validation log-loss %.4f (out-of-fold training scores) vs %.4f (validation part)",
            crossLoss,
            validLoss);
    if (crossLoss <= validLoss) {
      return new Calibration(crossFitted, "platt on 5-fold out-of-fold training scores; " + losses);
    }
    return new Calibration(
        PlattCalibrator.fit(validScore, validFake), "platt on the validation part; " + losses);
  }

  /**
   * The source row of every row of the fit: rows {@code 0..distinct-1} are the articles
   * themselves (the last {@code corrections} of them analysts' corrections), then each correction
   * again {@code weight - 1} times.
   */
  static int[] replicatedRows(int distinct, int corrections, int weight) {
    int[] origin = new int[distinct + corrections * (weight - 1)];
    for (int i = 0; i < distinct; i++) {
      origin[i] = i;
    }
    int next = distinct;
    for (int copy = 1; copy < weight; copy++) {
      for (int c = 0; c < corrections; c++) {
        origin[next++] = distinct - corrections + c;
      }
    }
    return origin;
  }

  /** Summed log-loss of a calibrator over the articles (of one half, when {@code halves} given). */
  private static double logLoss(
      PlattCalibrator cal, double[] raw, boolean[] fake, int[] halves, int half) {
    double loss = 0;
    for (int i = 0; i < raw.length; i++) {
      if (halves != null && halves[i] != half) {
        continue;
      }
      double p = Math.min(1 - 1e-12, Math.max(1e-12, cal.probability(raw[i])));
      loss -= fake[i] ? Math.log(p) : Math.log(1 - p);
    }
    return loss;
  }

  /** Chooses the source smoothing with the lowest log-loss of source-only predictions on valid. */
  private double chooseSmoothing(List<Article> train, List<Article> valid) {
    double bestLoss = Double.POSITIVE_INFINITY;
    double best = config.smoothingGrid().isEmpty() ? 10.0 : config.smoothingGrid().get(0);
    for (double alpha : config.smoothingGrid()) {
      SourceReputation rep = SourceReputation.learn(train, alpha, config.ratings());
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

  private static Evaluation evaluate(
      List<Article> articles, double[] p, double threshold, Label majority) {
    List<ScoredArticle> scored = new ArrayList<>(articles.size());
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      Label predicted = p[i] >= threshold ? Label.FAKE : Label.REAL;
      scored.add(new ScoredArticle(a.label(), p[i], predicted, a.source()));
    }
    return Evaluator.evaluate(scored, threshold, majority);
  }

  /** The headline figures of an evaluation, as a model card records them. */
  public static MetricSummary summary(String part, Evaluation e) {
    return new MetricSummary(
        part, e.n(), e.accuracy(), e.macroF1(), e.rocAuc(), e.prAuc(), e.ece(), e.brier(), e.threshold());
  }

  private record Candidate(double c, double[] weights, double[] validRaw, Evaluation validEval) {
    /** Higher validation macro-F1 wins; ROC-AUC breaks near-ties (within 0.001). */
    boolean betterThan(Candidate other) {
      double d = validEval.macroF1() - other.validEval.macroF1();
      if (Math.abs(d) > 1e-3) {
        return d > 0;
      }
      return validEval.rocAuc() > other.validEval.rocAuc();
    }
  }

  private static Feature[][] toLiblinear(
      TextVectorizer vectorizer, List<Article> articles, String phase, ProgressListener progress) {
    Feature[][] out = new Feature[articles.size()][];
    AtomicLong done = new AtomicLong();
    int total = articles.size();
    // Vectorizing is independent per article; results land at their own index, so order holds.
    java.util.stream.IntStream.range(0, total)
        .parallel()
        .forEach(
            i -> {
              SparseVector v = vectorizer.vectorize(articles.get(i));
              Feature[] row = new Feature[v.size()];
              for (int k = 0; k < v.size(); k++) {
                row[k] = new FeatureNode(v.indices()[k] + 1, v.values()[k]);
              }
              out[i] = row;
              long d = done.incrementAndGet();
              if (d % 256 == 0 || d == total) {
                synchronized (progress) {
                  progress.update(phase, d, total);
                }
              }
            });
    return out;
  }

  /** {@code w · x + w[bias]}, with LIBLINEAR's 1-based indices and the bias as the last weight. */
  private static double dot(Feature[] x, double[] w) {
    double z = w[w.length - 1];
    for (Feature f : x) {
      z += w[f.getIndex() - 1] * f.getValue();
    }
    return z;
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
            Integer.toString(correctionWeight));
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
