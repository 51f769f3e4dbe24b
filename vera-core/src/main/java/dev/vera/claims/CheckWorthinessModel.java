package dev.vera.claims;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.eval.Evaluation;
import dev.vera.eval.Evaluator;
import dev.vera.eval.ScoredArticle;
import dev.vera.model.CredibilityModel;
import dev.vera.model.LinearTrainer;
import dev.vera.model.MetricSummary;
import dev.vera.model.ModelCard;
import dev.vera.model.ProgressListener;
import dev.vera.model.ScoringOptions;
import dev.vera.model.ThresholdChoice;
import dev.vera.model.TrainingConfig;
import dev.vera.model.TrainingEnvironment;
import dev.vera.model.TrainingSet;
import dev.vera.model.io.ModelFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How check-worthy a sentence is: the probability that a fact-checker would call it a check-worthy
 * factual claim (ClaimBuster's CFS class). It is the credibility model's machinery reused as is —
 * hashed word and character n-grams, L2 logistic regression (LIBLINEAR), stacked with a classifier
 * over the sentence's embedding (all-MiniLM-L6-v2), Platt scaling on the validation part — stored
 * in the same {@code vera-credibility} file format. In that format the positive class is called
 * "fake"; here it means check-worthy ({@link #CHECK_WORTHY}). The threshold is re-chosen on
 * validation for the F1 of the check-worthy class, the figure the ClaimBuster paper reports,
 * instead of the credibility model's macro-F1.
 */
public final class CheckWorthinessModel {
  /** The label a check-worthy sentence carries in training data (the positive class). */
  public static final Label CHECK_WORTHY = Label.FAKE;

  /** The label of any other sentence. */
  public static final Label NOT = Label.REAL;

  /** Every check-worthiness model's name starts so; other model files are refused. */
  public static final String NAME_PREFIX = "vera-claims";

  private final CredibilityModel model;

  private CheckWorthinessModel(CredibilityModel model) {
    if (!model.card().name().startsWith(NAME_PREFIX)) {
      throw new IllegalArgumentException(
          "model '"
              + model.card().name()
              + "' is not a check-worthiness model (its name must start with '"
              + NAME_PREFIX
              + "'); train one with 'vera claims train'");
    }
    this.model = model;
  }

  public static CheckWorthinessModel read(Path file) throws IOException {
    return wrap(ModelFile.read(file), file.toString());
  }

  public static CheckWorthinessModel read(InputStream in, String name) throws IOException {
    return wrap(ModelFile.read(in, name), name);
  }

  private static CheckWorthinessModel wrap(CredibilityModel m, String name) throws IOException {
    try {
      return new CheckWorthinessModel(m);
    } catch (IllegalArgumentException e) {
      throw new IOException(name + ": " + e.getMessage(), e);
    }
  }

  public void write(Path file) throws IOException {
    ModelFile.write(model, file);
  }

  /**
   * Trains on {@code data.train()}, chooses C and the threshold on {@code data.valid()}, and
   * records figures on {@code data.test()} (when not empty) in the card.
   */
  public static CheckWorthinessModel train(
      TrainingSet data,
      TrainingConfig config,
      TrainingEnvironment environment,
      ProgressListener progress) {
    if (!config.name().startsWith(NAME_PREFIX)) {
      throw new IllegalArgumentException("model name must start with '" + NAME_PREFIX + "'");
    }
    // Short sentences recur across debates ("Thank you."): a validation sentence that train
    // holds too would be chosen on as if unseen, so it leaves the validation part.
    TrainingSet noTest =
        new TrainingSet(data.train(), data.valid(), List.of(), data.files(), data.splitField())
            .withoutHeldOutDuplicates();
    // A sentence's check-worthiness is a matter of its own wording, not of similar sentences.
    CredibilityModel trained =
        new LinearTrainer(config.withNeighbours(null), environment).train(noTest, progress);
    CheckWorthinessModel provisional = new CheckWorthinessModel(trained);
    double[] p = provisional.probabilities(noTest.valid());
    double threshold = ThresholdChoice.bestPositiveF1(p, truths(noTest.valid()));
    ModelCard c = trained.card();
    ModelCard.Parameters old = c.parameters();
    ModelCard.Parameters params =
        new ModelCard.Parameters(
            old.features(),
            old.solver(),
            old.c(),
            old.cSearch(),
            old.calibration(),
            threshold,
            threshold,
            old.sourceSmoothing(),
            old.seed(),
            null,
            old.embeddings());
    Evaluation validEval = provisional.evaluate(noTest.valid(), threshold);
    ModelCard card =
        new ModelCard(
            c.modelId(),
            c.name(),
            c.createdAt(),
            c.veraVersion(),
            c.javaVersion(),
            c.data(),
            params,
            List.of(MetricSummary.of(data.partName("valid"), validEval)),
            null);
    CheckWorthinessModel model =
        new CheckWorthinessModel(
            new CredibilityModel(
                trained.vectorizer(),
                trained.weights(),
                trained.intercept(),
                trained.calibrator(),
                trained.reputation(),
                trained.combiner(),
                trained.trainingHashes(),
                card,
                null,
                trained.stack(),
                trained.embedding()));
    List<Article> test = data.test();
    if (!test.isEmpty()) {
      Evaluation testEval = model.evaluate(test, threshold);
      model =
          new CheckWorthinessModel(
              model.model.withTestMetrics(MetricSummary.of(data.partName("test"), testEval)));
    }
    return model;
  }

  /** The calibrated probability that {@code sentence} is check-worthy. */
  public double probability(String sentence) {
    return probability(Article.of("", sentence));
  }

  /** The text probability of the model: the linear score, stacked with the embedding's if any. */
  private double probability(Article sentence) {
    return model.predict(sentence, ScoringOptions.DEFAULT).textProbabilityFake();
  }

  /** The threshold chosen on validation: at or above it a sentence is check-worthy. */
  public double threshold() {
    return model.card().parameters().threshold();
  }

  public ModelCard card() {
    return model.card();
  }

  /**
   * Evaluates on labelled sentences ({@link #CHECK_WORTHY} is the positive class: the "fake" report
   * of the evaluation is the check-worthy class).
   */
  public Evaluation evaluate(List<Article> sentences, double threshold) {
    double[] p = probabilities(sentences);
    List<ScoredArticle> scored = new ArrayList<>(p.length);
    int positives = 0;
    for (int i = 0; i < p.length; i++) {
      Label truth = sentences.get(i).label();
      positives += truth == CHECK_WORTHY ? 1 : 0;
      scored.add(new ScoredArticle(truth, p[i], p[i] >= threshold ? CHECK_WORTHY : NOT, null));
    }
    Label majority = 2 * positives > p.length ? CHECK_WORTHY : NOT;
    return Evaluator.evaluate(scored, threshold, majority);
  }

  private double[] probabilities(List<Article> sentences) {
    double[] p = new double[sentences.size()];
    IntStream.range(0, p.length).parallel().forEach(i -> p[i] = probability(sentences.get(i)));
    return p;
  }

  private static boolean[] truths(List<Article> sentences) {
    boolean[] t = new boolean[sentences.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = sentences.get(i).label() == CHECK_WORTHY;
    }
    return t;
  }
}
