package dev.vera.model;

import dev.vera.VeraVersion;
import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.embed.SentenceEncoder;
import dev.vera.eval.Evaluation;
import dev.vera.io.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes what training did into the model card: the data and its hash, the settings with the ones
 * chosen on validation, the validation figures, and once the model exists its figures on the test
 * part, overall and per corpus at each corpus's own base rate.
 */
final class ModelCardBuilder {
  /** The solver, as the model card names it. */
  static final String SOLVER = "L2R_LR";

  private final TrainingConfig config;
  private final TrainingEnvironment environment;

  ModelCardBuilder(TrainingConfig config, TrainingEnvironment environment) {
    this.config = config;
    this.environment = environment;
  }

  /** What the card says of the choices training made on validation. */
  record Choices(
      LexicalFit lexical,
      CalibrationChoice calibration,
      DecisionCurve textCurve,
      SourceEvidenceFitter.SourceEvidenceFit source,
      @Nullable EmbeddingHead embedding) {}

  /** The card of a model trained on {@code train} (the corpora's articles and corrections). */
  ModelCard card(
      TrainingSet data, List<Article> train, CorpusMix mix, Choices chosen, Evaluation validEval) {
    String setHash = trainingSetSha256(train);
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
        environment.now(),
        VeraVersion.get(),
        System.getProperty("java.version", "unknown"),
        td,
        parameters(mix, chosen),
        List.of(MetricSummary.of(data.partName("valid"), validEval)),
        null);
  }

  private ModelCard.Parameters parameters(CorpusMix mix, Choices chosen) {
    return new ModelCard.Parameters(
        config.features(),
        SOLVER,
        chosen.lexical().c(),
        chosen.lexical().search(),
        chosen.calibration().description(),
        chosen.textCurve().threshold(mix.referenceRate()),
        chosen.source().threshold(),
        chosen.source().reputation().smoothing(),
        config.seed(),
        config.neighbours(),
        chosen.embedding() == null ? null : embeddingDescription(chosen.embedding()));
  }

  private String embeddingDescription(EmbeddingHead embedding) {
    return String.format(
        Locale.ROOT,
        "%s; the title and the first %d body window(s) of %d tokens, mean-pooled;"
            + " logistic regression, C=%s (chosen on validation ROC-AUC among %s)",
        embedding.encoderId(),
        embedding.bodyWindows(),
        SentenceEncoder.WINDOW,
        embedding.c(),
        config.embeddings().cGrid());
  }

  /**
   * The model with its figures on the labelled test articles in its card, overall and per named
   * training corpus (the test part influences nothing else).
   */
  CredibilityModel withTestFigures(
      CredibilityModel model, TrainingSet data, Label majority, ProgressListener progress) {
    List<Article> test = data.test().stream().filter(a -> a.label() != null).toList();
    CredibilityModel out = model;
    if (!test.isEmpty()) {
      Evaluation testEval =
          ModelEvaluation.evaluate(out, test, ScoringOptions.DEFAULT, majority, false, progress);
      out = out.withTestMetrics(MetricSummary.of(data.partName("test"), testEval));
    }
    return out.withCard(
        out.card().withCorpora(corpusCards(out, test, data.partName("test"), majority, progress)));
  }

  /**
   * One card entry per named training corpus, with the model's figures on the corpus's own test
   * articles at the corpus's own base rate (none for a single unnamed corpus).
   */
  private static List<ModelCard.CorpusCard> corpusCards(
      CredibilityModel model,
      List<Article> test,
      String part,
      Label majority,
      ProgressListener progress) {
    CorpusMix mix = model.scope().mix();
    if (mix.corpora().size() == 1 && mix.corpora().get(0).name().isEmpty()) {
      return List.of();
    }
    List<ModelCard.CorpusCard> out = new ArrayList<>();
    for (CorpusMix.Corpus c : mix.corpora()) {
      List<Article> own =
          test.stream().filter(a -> CorpusMix.corpusOf(a).equals(c.name())).toList();
      MetricSummary figures = null;
      if (!own.isEmpty()) {
        Evaluation e =
            ModelEvaluation.evaluate(
                model,
                own,
                ScoringOptions.DEFAULT.withBaseRate(c.fakeRate()),
                majority,
                false,
                progress);
        figures = MetricSummary.of(c.name() + " " + part, e);
      }
      out.add(
          new ModelCard.CorpusCard(
              c.name(), c.trainArticles(), c.trainFake(), c.weight(), null, figures, null));
    }
    return out;
  }

  /**
   * A model's identifier: its name and 12 hex digits of the SHA-256 of its training set hash and
   * the settings it was trained with (features, candidate values, seed, neighbours, embeddings,
   * corrections' weight). Two models of one name differ in id when their data or settings differ,
   * so that a correction or a report names the model it was made with; the same data and settings
   * give the same id (training is deterministic).
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
            config.embeddings() == null ? "" : SentenceEncoder.bundled().id(),
            Integer.toString(correctionWeight),
            "balance "
                + config.corpusBalance()
                + ", corpus intercepts "
                + config.corpusIntercepts()
                + ", publisher share "
                + config.maxPublisherShare(),
            config.ratings().lists().stream()
                .map(l -> l.name() + ":" + l.values().size())
                .collect(Collectors.joining(",")));
    return config.name()
        + "-"
        + Sha256.hex(settings.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
  }

  /** SHA-256 over each training article's content hash and label, in order. */
  static String trainingSetSha256(List<Article> train) {
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
