package dev.vera.experiment;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.eval.Bootstrap;
import dev.vera.eval.Evaluation;
import dev.vera.eval.Evaluator;
import dev.vera.eval.ScoredArticle;
import dev.vera.model.Applicability;
import dev.vera.model.CorpusMix;
import dev.vera.model.CredibilityModel;
import dev.vera.model.LinearTrainer;
import dev.vera.model.ModelCard;
import dev.vera.model.ModelEvaluation;
import dev.vera.model.ProgressListener;
import dev.vera.model.ScoringOptions;
import dev.vera.model.SourceEvidence;
import dev.vera.model.TrainingConfig;
import dev.vera.model.TrainingEnvironment;
import dev.vera.model.TrainingSet;
import dev.vera.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a training recipe holds beyond the collections it learns from. Leave one corpus out (LOCO):
 * train on the other corpora's {@code train} parts, choose every setting on their {@code valid}
 * parts, and judge every labelled record of the held-out corpus; in domain: train on every corpus's
 * {@code train} part and judge each corpus's {@code test} part, beside a model of the same recipe
 * trained on that corpus alone.
 */
public final class CorpusGeneralization {
  /** Flag levels of the applicability risk–coverage table. */
  public static final List<Double> FLAG_LEVELS = List.of(0.01, 0.02, 0.05, 0.1, 0.2, 0.3);

  private static final long GAIN_SEED = 42;

  private final TrainingConfig config;
  private final String splitField;
  private final ScoringOptions scoring;
  private final List<ModelCard.DataFile> files;
  private final TrainingEnvironment environment;

  /**
   * @param config the training recipe
   * @param splitField the split field dividing each corpus into train, valid and test
   * @param scoring how verdicts are made (the base rate is set per figure)
   * @param files the input files, for the models' cards
   * @param environment the clock, cache and threads every model trains with
   */
  public CorpusGeneralization(
      TrainingConfig config,
      String splitField,
      ScoringOptions scoring,
      List<ModelCard.DataFile> files,
      TrainingEnvironment environment) {
    this.config = config;
    this.splitField = splitField;
    this.scoring = scoring;
    this.files = List.copyOf(files);
    this.environment = environment;
  }

  /** The labelled articles of a corpus. */
  public static List<Article> corpus(List<Article> all, String name) {
    return all.stream()
        .filter(a -> a.label() != null && CorpusMix.corpusOf(a).equals(name))
        .toList();
  }

  /** The corpora of the articles, in first-seen order. */
  public static List<String> corpora(List<Article> all) {
    return all.stream().map(CorpusMix::corpusOf).distinct().toList();
  }

  /** Trains on every corpus but {@code held} (train parts; settings on their valid parts). */
  public CredibilityModel trainWithout(List<Article> all, String held, ProgressListener progress) {
    List<Article> others = all.stream().filter(a -> !CorpusMix.corpusOf(a).equals(held)).toList();
    return train(others, progress);
  }

  /** Trains on the articles' train parts, settings chosen on their valid parts; no test part. */
  public CredibilityModel train(List<Article> articles, ProgressListener progress) {
    TrainingSet set = Splits.byField(articles, splitField, files);
    return new LinearTrainer(config, environment)
        .train(new TrainingSet(set.train(), set.valid(), List.of(), files, splitField), progress);
  }

  /**
   * Everything measured on one held-out corpus.
   *
   * @param corpus the held-out corpus
   * @param n its labelled records, all judged
   * @param fakeShare their share of fake
   * @param modelId the model trained without it
   * @param trainingRate the base rate the model assumes (its training mix)
   * @param atTrainingRate figures with the model's own base rate
   * @param atTrueRate figures with the held-out corpus's true share of fake given as the base rate:
   *     an oracle, since a user rarely knows it
   * @param rocAuc the ROC-AUC's bootstrap interval
   * @param applicability how well applicability tells this corpus from the training corpora
   * @param source the source evidence alone on this corpus
   */
  public record Holdout(
      String corpus,
      int n,
      double fakeShare,
      String modelId,
      double trainingRate,
      Evaluation atTrainingRate,
      Evaluation atTrueRate,
      Bootstrap.Interval rocAuc,
      @Nullable ApplicabilityFigures applicability,
      SourceFigures source) {}

  /**
   * Applicability under LOCO: the held-out corpus's records against the training corpora's own test
   * articles (what the model was trained for).
   *
   * @param auroc how well the applicability score ranks in-domain articles above held-out ones
   * @param heldOut held-out records
   * @param inDomain in-domain test articles
   * @param levels one row of the risk–coverage table per flag level
   */
  public record ApplicabilityFigures(
      double auroc, int heldOut, int inDomain, List<CoverageRow> levels) {}

  /**
   * One flag level: who is flagged, and the macro-F1 of the verdicts left unflagged against all, on
   * the mixed stream (held-out and in-domain together) and on the held-out corpus alone.
   *
   * @param mixedGainDraws bootstrap draws of the mixed stream's gain (unflagged minus all), paired
   *     per draw; averaged draw by draw over held-out corpora they give the mean gain's interval
   */
  public record CoverageRow(
      double flagBelow,
      double heldOutFlagged,
      double inDomainFlagged,
      double mixedMacroF1All,
      double mixedMacroF1Unflagged,
      double heldOutMacroF1All,
      double heldOutMacroF1Unflagged,
      double[] mixedGainDraws) {

    /** The 95% bootstrap interval of the mixed stream's gain. */
    public Bootstrap.Interval mixedGain() {
      return Bootstrap.interval(mixedGainDraws);
    }
  }

  /**
   * The source evidence on its own: how many records have any (training counts or a rating), and
   * how well its fake rate ranks them.
   *
   * @param coverage share of records whose publisher is known to the evidence
   * @param rocAuc ROC-AUC of the fake rate over the covered records (NaN with one class)
   * @param rocAucAll ROC-AUC over all records, the uncovered ones at the prior
   */
  public record SourceFigures(double coverage, double rocAuc, double rocAucAll) {}

  /** Holds out {@code held}, trains on the rest and measures everything above. */
  public Holdout holdout(List<Article> all, String held, ProgressListener progress) {
    CredibilityModel model = trainWithout(all, held, progress);
    List<Article> heldOut = corpus(all, held);
    if (heldOut.isEmpty()) {
      throw new IllegalArgumentException("corpus '" + held + "' has no labelled articles");
    }
    double share = fakeShare(heldOut);
    double trainingRate = model.scope().mix().referenceRate();
    List<Verdict> atModelRate = ModelEvaluation.score(model, heldOut, scoring, progress);
    List<Verdict> atTrue =
        ModelEvaluation.score(model, heldOut, scoring.withBaseRate(share), progress);
    List<Article> inDomain =
        all.stream()
            .filter(a -> a.label() != null && !CorpusMix.corpusOf(a).equals(held))
            .filter(a -> "test".equals(a.splitPart(splitField)))
            .toList();
    List<Verdict> inDomainVerdicts = ModelEvaluation.score(model, inDomain, scoring, progress);
    Label majority = ModelEvaluation.trainingMajority(model);
    Evaluation e = evaluate(heldOut, atModelRate, majority);
    return new Holdout(
        held,
        heldOut.size(),
        share,
        model.card().modelId(),
        trainingRate,
        e,
        evaluate(heldOut, atTrue, majority),
        Bootstrap.interval(scored(heldOut, atModelRate), Bootstrap.Metric.ROC_AUC, seed(held)),
        applicability(heldOut, atModelRate, inDomain, inDomainVerdicts),
        source(heldOut, atModelRate));
  }

  /**
   * One corpus's test part judged by the model of every corpus.
   *
   * @param atTrainingRate with the model's own base rate
   * @param atCorpusRate with the corpus's own share of fake in training as the base rate
   * @param rocAuc the ROC-AUC's bootstrap interval
   * @param ece the interval of the ECE at the corpus's rate
   * @param eceIfCalibrated the range of ECE a perfectly calibrated model would show on the same
   *     probabilities at the corpus's rate: the ECE's floor of sampling noise on this test part
   * @param alone the same recipe trained on this corpus alone, on the same test part (null when not
   *     asked for)
   */
  public record InDomain(
      String corpus,
      int n,
      double fakeShare,
      double corpusRate,
      Evaluation atTrainingRate,
      Evaluation atCorpusRate,
      Bootstrap.Interval rocAuc,
      Bootstrap.Interval ece,
      Bootstrap.Interval eceIfCalibrated,
      @Nullable Evaluation alone,
      @Nullable String aloneModelId) {}

  /** Each corpus's test part judged by {@code model} (trained on every corpus's train part). */
  public InDomain inDomain(
      CredibilityModel model,
      List<Article> all,
      String corpus,
      @Nullable CredibilityModel alone,
      ProgressListener progress) {
    List<Article> test =
        corpus(all, corpus).stream().filter(a -> "test".equals(a.splitPart(splitField))).toList();
    if (test.isEmpty()) {
      throw new IllegalArgumentException(
          "corpus '" + corpus + "' has no " + splitField + "=test part");
    }
    CorpusMix.Corpus known = model.scope().mix().corpus(corpus);
    double rate = known == null ? model.scope().mix().referenceRate() : known.fakeRate();
    Label majority = ModelEvaluation.trainingMajority(model);
    List<Verdict> atModel = ModelEvaluation.score(model, test, scoring, progress);
    List<Verdict> atCorpus =
        ModelEvaluation.score(model, test, scoring.withBaseRate(rate), progress);
    Evaluation aloneEval = null;
    if (alone != null) {
      aloneEval = evaluate(test, ModelEvaluation.score(alone, test, scoring, progress), majority);
    }
    List<ScoredArticle> scoredAtCorpus = scored(test, atCorpus);
    return new InDomain(
        corpus,
        test.size(),
        fakeShare(test),
        rate,
        evaluate(test, atModel, majority),
        evaluate(test, atCorpus, majority),
        Bootstrap.interval(scoredAtCorpus, Bootstrap.Metric.ROC_AUC, seed(corpus)),
        Bootstrap.interval(scoredAtCorpus, Bootstrap.Metric.ECE, seed(corpus) + 1),
        Bootstrap.eceIfCalibrated(
            scoredAtCorpus.stream().mapToDouble(ScoredArticle::probabilityFake).toArray(),
            seed(corpus) + 2),
        aloneEval,
        alone == null ? null : alone.card().modelId());
  }

  private static ApplicabilityFigures applicability(
      List<Article> heldOut,
      List<Verdict> heldVerdicts,
      List<Article> inDomain,
      List<Verdict> inVerdicts) {
    if (heldVerdicts.isEmpty()
        || heldVerdicts.get(0).applicability() == null
        || inDomain.isEmpty()) {
      return null;
    }
    // In-domain articles are the positive class: familiarity should rank them above the others.
    List<ScoredArticle> ranked = new ArrayList<>();
    for (Verdict v : inVerdicts) {
      ranked.add(new ScoredArticle(Label.FAKE, familiarity(v), Label.FAKE, null));
    }
    for (Verdict v : heldVerdicts) {
      ranked.add(new ScoredArticle(Label.REAL, familiarity(v), Label.REAL, null));
    }
    double auroc = Evaluator.evaluate(ranked, 0.5, Label.REAL).rocAuc();
    List<CoverageRow> rows = new ArrayList<>();
    for (double level : FLAG_LEVELS) {
      rows.add(coverage(level, heldOut, heldVerdicts, inDomain, inVerdicts));
    }
    return new ApplicabilityFigures(auroc, heldOut.size(), inDomain.size(), rows);
  }

  /** The applicability score, squeezed into [0, 1] already; ties broken by the raw similarity. */
  private static double familiarity(Verdict v) {
    Applicability a = v.applicability();
    return Math.min(1, Math.max(0, a.similarity()));
  }

  private static CoverageRow coverage(
      double level,
      List<Article> heldOut,
      List<Verdict> held,
      List<Article> inDomain,
      List<Verdict> in) {
    List<Article> mixed = new ArrayList<>(heldOut);
    mixed.addAll(inDomain);
    List<Verdict> mixedVerdicts = new ArrayList<>(held);
    mixedVerdicts.addAll(in);
    return new CoverageRow(
        level,
        flaggedShare(held, level),
        flaggedShare(in, level),
        macroF1(mixed, mixedVerdicts, -1),
        macroF1(mixed, mixedVerdicts, level),
        macroF1(heldOut, held, -1),
        macroF1(heldOut, held, level),
        gainDraws(mixed, mixedVerdicts, level));
  }

  private static double[] gainDraws(List<Article> articles, List<Verdict> verdicts, double level) {
    int n = articles.size();
    boolean[] fake = new boolean[n];
    boolean[] called = new boolean[n];
    boolean[] kept = new boolean[n];
    for (int i = 0; i < n; i++) {
      Verdict v = verdicts.get(i);
      fake[i] = articles.get(i).label() == Label.FAKE;
      called[i] = v.label() == Label.FAKE;
      kept[i] = v.applicability().score() >= level;
    }
    return Bootstrap.keptGainDraws(fake, called, kept, GAIN_SEED);
  }

  private static double flaggedShare(List<Verdict> verdicts, double level) {
    long flagged = verdicts.stream().filter(v -> v.applicability().score() < level).count();
    return (double) flagged / verdicts.size();
  }

  /** Macro-F1 of the verdicts whose applicability is at least {@code level} (all for -1). */
  private static double macroF1(List<Article> articles, List<Verdict> verdicts, double level) {
    List<ScoredArticle> kept = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      Verdict v = verdicts.get(i);
      if (level < 0 || v.applicability().score() >= level) {
        kept.add(new ScoredArticle(articles.get(i).label(), v.probabilityFake(), v.label(), null));
      }
    }
    return kept.isEmpty() ? Double.NaN : Evaluator.evaluate(kept, 0.5, Label.REAL).macroF1();
  }

  private static SourceFigures source(List<Article> articles, List<Verdict> verdicts) {
    List<ScoredArticle> covered = new ArrayList<>();
    List<ScoredArticle> all = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      SourceEvidence s = verdicts.get(i).source();
      Label truth = articles.get(i).label();
      ScoredArticle sa = new ScoredArticle(truth, s.fakeRate(), Label.REAL, null);
      all.add(sa);
      if (s.known()) {
        covered.add(sa);
      }
    }
    double coverage = (double) covered.size() / articles.size();
    double auc =
        covered.isEmpty() ? Double.NaN : Evaluator.evaluate(covered, 0.5, Label.REAL).rocAuc();
    return new SourceFigures(coverage, auc, Evaluator.evaluate(all, 0.5, Label.REAL).rocAuc());
  }

  private static Evaluation evaluate(
      List<Article> articles, List<Verdict> verdicts, Label majority) {
    List<ScoredArticle> scored = scored(articles, verdicts);
    return Evaluator.evaluate(scored, verdicts.get(0).threshold(), majority);
  }

  private static List<ScoredArticle> scored(List<Article> articles, List<Verdict> verdicts) {
    List<ScoredArticle> out = new ArrayList<>(articles.size());
    for (int i = 0; i < articles.size(); i++) {
      Verdict v = verdicts.get(i);
      out.add(
          new ScoredArticle(
              articles.get(i).label(), v.probabilityFake(), v.label(), articles.get(i).source()));
    }
    return out;
  }

  private static double fakeShare(List<Article> articles) {
    return (double) articles.stream().filter(a -> a.label() == Label.FAKE).count()
        / articles.size();
  }

  /** A fixed seed per corpus, so that intervals are reproducible. */
  private static long seed(String corpus) {
    return 20261204L ^ corpus.hashCode();
  }
}
