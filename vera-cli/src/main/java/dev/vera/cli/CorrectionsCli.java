package dev.vera.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.eval.Evaluation;
import dev.vera.eval.EvaluationTable;
import dev.vera.feedback.Correction;
import dev.vera.feedback.CorrectionReview;
import dev.vera.feedback.FeedbackStore;
import dev.vera.feedback.TrainingCorrections;
import dev.vera.io.OutputFiles;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ModelEvaluation;
import dev.vera.model.ProgressListener;
import dev.vera.model.ScoringOptions;
import dev.vera.model.TrainingSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The analysts' corrections in {@code vera train --feedback} and {@code vera eval
 * --corrected-only}.
 */
final class CorrectionsCli {
  private CorrectionsCli() {}

  /** The training set with the database's corrections joined, reported on {@code out}. */
  static TrainingSet join(TrainingSet set, Path db, int weight, PrintWriter out)
      throws IOException {
    List<Correction> corrections;
    try (FeedbackStore store = FeedbackCommand.openExisting(db)) {
      corrections = store.latestPerArticle();
    }
    TrainingSet joined;
    try {
      joined = TrainingCorrections.apply(set, corrections, weight);
    } catch (IllegalArgumentException e) {
      throw new VeraCommand.UsageException(e.getMessage());
    }
    out.printf(
        Locale.ROOT,
        "Joined %d analysts' corrections from %s (each counted %d×); %d training articles they"
            + " replace, %d validation/test articles they cover left out%n",
        corrections.size(),
        db,
        weight,
        set.train().size() - joined.train().size(),
        joined.correctionsHeldOutRemoved());
    return joined;
  }

  /** {@code vera eval --feedback DB --corrected-only}. */
  static int evaluate(
      CredibilityModel model,
      @Nullable Path db,
      boolean correctedOnly,
      @Nullable List<Path> data,
      ScoringOptions options,
      PrintWriter out,
      @Nullable Path json)
      throws IOException {
    if (db == null || !correctedOnly) {
      throw new VeraCommand.UsageException("--feedback DB and --corrected-only go together");
    }
    if (data != null && !data.isEmpty()) {
      throw new VeraCommand.UsageException(
          "--corrected-only reads the articles from the feedback database; leave out --data");
    }
    List<Correction> corrections;
    try (FeedbackStore store = FeedbackCommand.openExisting(db)) {
      corrections = store.latestPerArticle();
    }
    if (corrections.isEmpty()) {
      throw new VeraCommand.UsageException("no corrections in " + db + " to evaluate");
    }
    CorrectionReview review = CorrectionReview.of(model, corrections, options);
    int n = review.items().size();
    out.printf(
        Locale.ROOT,
        "Model %s on the %d corrected articles of %s (labels: the analysts', latest per article)%n",
        model.card().modelId(),
        n,
        db);
    out.printf(
        Locale.ROOT,
        "Agree with the analyst: %d of %d now (%d of %d when corrected); %d of them are in this"
            + " model's training data%n",
        review.agreeNow(),
        n,
        review.agreeBefore(),
        n,
        review.trainedOn());
    if (review.trainedOn() > 0) {
      out.println(
          "  (trained on: agreement there shows the correction was learned, not a held-out score)");
    }
    out.printf(
        Locale.ROOT,
        "%5s  %-16s  %-8s  %-22s  %-22s  %-5s  %s%n",
        "id",
        "content hash",
        "analyst",
        "corrected model",
        "this model",
        "fixed",
        "article");
    for (CorrectionReview.Item i : review.items()) {
      Correction c = i.correction();
      out.printf(
          Locale.ROOT,
          "%5d  %-16s  %-8s  %-22s  %-22s  %-5s  %s%n",
          c.id(),
          c.contentHash(),
          c.label().wireName(),
          String.format(
              Locale.ROOT, "%s %.3f", c.modelLabel().wireName(), c.modelProbabilityFake()),
          String.format(
              Locale.ROOT,
              "%s %.3f%s",
              i.now().label().wireName(),
              i.now().probabilityFake(),
              i.trainedOn() ? " (trained)" : ""),
          i.agreesNow() ? "yes" : "no",
          c.article().id() != null ? c.article().id() : c.article().title());
    }
    List<Label> labels = review.labels();
    if (labels.contains(Label.FAKE) && labels.contains(Label.REAL)) {
      List<Article> articles = corrections.stream().map(Correction::asTrainingArticle).toList();
      Evaluation e =
          ModelEvaluation.evaluate(
              model,
              articles,
              options,
              ModelEvaluation.trainingMajority(model),
              false,
              ProgressListener.NONE);
      out.print(EvaluationTable.render(e));
    }
    out.flush();
    if (json != null) {
      OutputFiles.writeString(json, reviewJson(model, review));
    }
    return VeraCommand.EXIT_OK;
  }

  private static String reviewJson(CredibilityModel model, CorrectionReview review)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode n = mapper.createObjectNode();
    n.put("model_id", model.card().modelId());
    n.put("corrected", review.items().size());
    n.put("agree_before", review.agreeBefore());
    n.put("agree_now", review.agreeNow());
    n.put("trained_on", review.trainedOn());
    ArrayNode items = n.putArray("items");
    for (CorrectionReview.Item i : review.items()) {
      items
          .addObject()
          .put("id", i.correction().id())
          .put("content_hash", i.correction().contentHash())
          .put("label", i.correction().label().wireName())
          .put("model_label_then", i.correction().modelLabel().wireName())
          .put("probability_fake_then", i.correction().modelProbabilityFake())
          .put("label_now", i.now().label().wireName())
          .put("probability_fake_now", i.now().probabilityFake())
          .put("trained_on", i.trainedOn())
          .put("agrees_now", i.agreesNow());
    }
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n";
  }
}
