package dev.vera.cli;

import dev.vera.article.Article;
import dev.vera.eval.Evaluation;
import dev.vera.eval.EvaluationTable;
import dev.vera.eval.ReportContext;
import dev.vera.eval.ReportPage;
import dev.vera.experiment.Splits;
import dev.vera.io.OutputFiles;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ModelEvaluation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vera eval}: how a saved model does on labelled articles it was not trained on. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a model on labelled articles: accuracy, macro-F1, per-class precision/recall/F1,"
          + " ROC-AUC, PR-AUC, ECE, Brier, confusion matrix, majority baseline.",
      "Refuses articles the model was trained on (unless --force). A model trained on one split"
          + " must not be scored on another split's test part: use 'vera experiment' for that."
    })
public final class EvalCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ModelOption model;
  @Mixin InputOptions input;
  @Mixin ScoringOptionsMixin scoring;

  @Option(
      names = "--data",
      arity = "1..*",
      paramLabel = "PATH",
      description = "Labelled articles (required unless --corrected-only).")
  List<Path> data;

  @Option(
      names = "--feedback",
      paramLabel = "DB",
      description = "With --corrected-only: the feedback database.")
  @Nullable Path feedback;

  @Option(
      names = "--corrected-only",
      description =
          "Report on the analysts' corrected articles alone (labels: the analysts'): does this"
              + " model now agree with them?")
  boolean correctedOnly;

  @Option(
      names = "--split-field",
      paramLabel = "FIELD",
      description = "Evaluate only the --part of this split field.")
  @Nullable String splitField;

  @Option(
      names = "--part",
      paramLabel = "PART",
      description = "With --split-field: which part (default: test).")
  String part = "test";

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Write the figures as JSON (snake_case keys).")
  @Nullable Path json;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Write a self-contained HTML report.")
  @Nullable Path report;

  @Option(names = "--per-source", description = "Add figures per publisher domain.")
  boolean perSource;

  @Option(names = "--force", description = "Evaluate even on articles the model was trained on.")
  boolean force;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (correctedOnly || feedback != null) {
      return CorrectionsCli.evaluate(
          model.load(), feedback, correctedOnly, data, scoring.toOptions(), out, json);
    }
    if (data == null || data.isEmpty()) {
      throw new VeraCommand.UsageException(
          "--data PATH is needed (or --feedback DB --corrected-only)");
    }
    CredibilityModel m = model.load();
    try (TerminalProgress progress = TerminalProgress.forStderr(err, quiet)) {
      Inputs.Loaded loaded = Inputs.readAll(data, input.readerOptions(err), err, progress);
      List<Article> articles = loaded.articles();
      if (splitField != null) {
        articles = Splits.part(articles, splitField, part);
      }
      articles = articles.stream().filter(a -> a.label() != null).toList();
      if (articles.isEmpty()) {
        throw new VeraCommand.UsageException(
            "no labelled articles to evaluate"
                + (splitField != null ? " with " + splitField + "=" + part : "")
                + " (a 'label' of fake or real is needed)");
      }
      long overlap = articles.stream().filter(m::trainedOn).count();
      if (overlap > 0 && !force) {
        err.printf(
            "vera eval: %d of %d articles were in this model's training data (matched by content"
                + " hash); figures on them would not be a fair test. Evaluate on held-out"
                + " articles, use 'vera experiment' to train and test on one split, or pass"
                + " --force.%n",
            overlap, articles.size());
        err.flush();
        return VeraCommand.EXIT_FAILED;
      }
      Evaluation e =
          ModelEvaluation.evaluate(
              m,
              articles,
              scoring.toOptions(),
              ModelEvaluation.trainingMajority(m),
              perSource,
              progress);
      progress.close();
      String what =
          Inputs.names(data)
              + (splitField != null ? " (" + splitField + "=" + part + ")" : "")
              + ", "
              + articles.size()
              + " articles"
              + (overlap > 0
                  ? ", of which " + overlap + " were in the training data (--force)"
                  : "");
      out.println("Model " + m.card().modelId() + " on " + what);
      out.print(EvaluationTable.render(e));
      out.flush();
      if (json != null) {
        OutputFiles.writeString(json, e.toJson());
      }
      if (report != null) {
        String split =
            splitField == null
                ? "all labelled articles of the input"
                : splitField
                    + "="
                    + part
                    + " (the model chose its settings on its own validation part)";
        OutputFiles.writeString(
            report,
            ReportPage.html(
                e,
                new ReportContext(
                    "Vera evaluation: " + m.card().modelId(),
                    m.card().modelId(),
                    what,
                    split,
                    Instant.now())));
      }
      return loaded.rejected().isEmpty()
          ? VeraCommand.EXIT_OK
          : VeraCommand.EXIT_SOME_RECORDS_FAILED;
    }
  }
}
