package dev.vera.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.eval.Evaluation;
import dev.vera.eval.EvaluationTable;
import dev.vera.eval.ReportContext;
import dev.vera.eval.ReportPage;
import dev.vera.eval.StratifiedKFold;
import dev.vera.experiment.CorpusGeneralization;
import dev.vera.experiment.GeneralizationReport;
import dev.vera.experiment.Splits;
import dev.vera.io.OutputFiles;
import dev.vera.model.CredibilityModel;
import dev.vera.model.LinearTrainer;
import dev.vera.model.MetricSummary;
import dev.vera.model.ModelCard;
import dev.vera.model.ModelEvaluation;
import dev.vera.model.TrainingConfig;
import dev.vera.model.TrainingSet;
import dev.vera.model.io.ModelFile;
import dev.vera.output.VerdictJson;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vera experiment}: train a fresh model on one split's train part, tune on its valid part,
 * report on its test part, in one command, so that no figure ever comes from a model that saw the
 * articles it is scored on. For data without a split field, k-fold cross-validation.
 */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = {
      "Train on F=train, choose settings and calibrate on F=valid, report on F=test (--split-field"
          + " F); or k-fold cross-validation (--folds K) for data without a split field.",
      "This is how every split_time and split_source figure is produced."
    })
public final class ExperimentCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      arity = "1..*",
      paramLabel = "PATH",
      description = "Labelled articles.")
  List<Path> data;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Design design;

  /** Either a split field or a number of folds. */
  static final class Design {
    @Option(
        names = "--split-field",
        paramLabel = "FIELD",
        description = "split, split_time, split_source …")
    @Nullable String splitField;

    @Option(
        names = "--folds",
        paramLabel = "K",
        description = "Stratified K-fold cross-validation.")
    @Nullable Integer folds;
  }

  @Option(
      names = "--holdout-corpus",
      paramLabel = "CORPUS",
      description =
          "With --split-field: train on the other corpora's train parts, choose on their valid"
              + " parts, and judge every record of this corpus (the corpus of a record is its"
              + " 'corpus' field, else the folder of its file).")
  @Nullable String holdoutCorpus;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Write settings and test figures as JSON.")
  @Nullable Path json;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "HTML report of the test part (split field only).")
  @Nullable Path report;

  @Option(
      names = "--out",
      paramLabel = "MODEL",
      description = "Also save the model (split field only).")
  @Nullable Path out;

  @Option(names = "--per-source", description = "Add figures per publisher domain.")
  boolean perSource;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress output.")
  boolean quiet;

  @Mixin InputOptions input;
  @Mixin TrainingOptions training;
  @Mixin ScoringOptionsMixin scoring;

  @Override
  public Integer call() throws Exception {
    PrintWriter outw = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (TerminalProgress progress = TerminalProgress.forStderr(err, quiet)) {
      TrainingConfig config = training.toConfig();
      Inputs.Loaded loaded = Inputs.readAll(data, input.readerOptions(err), err, progress);
      List<ModelCard.DataFile> files = Inputs.describe(data);
      ObjectNode result = VerdictJson.mapper().createObjectNode();
      result.put("data", Inputs.names(data));
      if (holdoutCorpus != null) {
        if (design.splitField == null) {
          throw new VeraCommand.UsageException(
              "--holdout-corpus needs --split-field (the other corpora's parts)");
        }
        return holdout(config, loaded, files, result, progress, outw);
      }
      if (design.splitField != null) {
        TrainingSet set =
            training.heldOut(Splits.byField(loaded.articles(), design.splitField, files));
        if (set.test().isEmpty()) {
          throw new VeraCommand.UsageException("no article has " + design.splitField + "=test");
        }
        // The test part is held back from the trainer and scored once, here.
        TrainingSet withoutTest =
            new TrainingSet(set.train(), set.valid(), List.of(), set.files(), set.splitField());
        CredibilityModel model =
            new LinearTrainer(config, ProcessTrainingEnvironment.current())
                .train(withoutTest, progress);
        Evaluation e =
            ModelEvaluation.evaluate(
                model,
                set.test(),
                scoring.toOptions(),
                LinearTrainer.majority(set.train()),
                perSource,
                progress);
        String part = set.partName("test") + (scoring.useSource ? " (with --use-source)" : "");
        model = model.withTestMetrics(MetricSummary.of(part, e));
        progress.close();
        outw.printf(
            "Experiment on %s: trained on %s=train (%d), tuned on %s=valid (%d), tested on %s=test (%d)%n",
            Inputs.names(data),
            design.splitField,
            set.train().size(),
            design.splitField,
            set.valid().size(),
            design.splitField,
            set.test().size());
        outw.printf(
            Locale.ROOT,
            "Chosen on validation: C=%s, threshold %.3f (validation macro-F1 %.4f)%n",
            model.card().parameters().c(),
            model.card().parameters().threshold(),
            model.card().validation().get(0).macroF1());
        outw.print(EvaluationTable.render(e));
        outw.flush();
        result.put("split_field", design.splitField);
        result.set("model", ModelFile.cardJson(model.card()));
        result.set("test", VerdictJson.mapper().readTree(e.toJson()));
        if (report != null) {
          OutputFiles.writeString(
              report,
              ReportPage.html(
                  e,
                  new ReportContext(
                      "Vera experiment: " + design.splitField,
                      model.card().modelId(),
                      Inputs.names(data) + ", " + set.test().size() + " test articles",
                      "trained on "
                          + design.splitField
                          + "=train, settings and calibration chosen on "
                          + design.splitField
                          + "=valid, figures on "
                          + design.splitField
                          + "=test",
                      Instant.now())));
        }
        if (out != null) {
          ModelFile.write(model, out);
        }
      } else {
        int k = design.folds;
        if (k < 3) {
          throw new VeraCommand.UsageException(
              "--folds needs at least 3 (one test, one validation, the rest train)");
        }
        List<Article> labelled = loaded.articles().stream().filter(a -> a.label() != null).toList();
        List<Label> labels = labelled.stream().map(Article::label).toList();
        int[] folds;
        try {
          folds = StratifiedKFold.assignFolds(labels, k, config.seed());
        } catch (IllegalArgumentException ex) {
          throw new VeraCommand.UsageException(ex.getMessage());
        }
        ArrayNode foldJson = result.putArray("folds");
        List<Evaluation> evals = new ArrayList<>();
        for (int i = 0; i < k; i++) {
          TrainingSet set = training.heldOut(Splits.fold(labelled, folds, i, k, files));
          CredibilityModel model =
              new LinearTrainer(config, ProcessTrainingEnvironment.current()).train(set, progress);
          Evaluation e =
              ModelEvaluation.evaluate(
                  model,
                  set.test(),
                  scoring.toOptions(),
                  LinearTrainer.majority(set.train()),
                  false,
                  progress);
          evals.add(e);
          foldJson
              .addObject()
              .put("fold", i + 1)
              .set("test", VerdictJson.mapper().readTree(e.toJson()));
        }
        progress.close();
        outw.printf(
            "%d-fold cross-validation on %s (%d labelled articles)%n",
            k, Inputs.names(data), labelled.size());
        outw.println("fold  n      macro-F1  ROC-AUC  ECE     Brier   accuracy");
        for (int i = 0; i < k; i++) {
          Evaluation e = evals.get(i);
          outw.printf(
              Locale.ROOT,
              "%-5d %-6d %.4f    %.4f   %.4f  %.4f  %.4f%n",
              i + 1,
              e.n(),
              e.macroF1(),
              e.rocAuc(),
              e.ece(),
              e.brier(),
              e.accuracy());
        }
        ObjectNode mean = result.putObject("mean");
        ObjectNode sd = result.putObject("sd");
        String[] keys = {"macro_f1", "roc_auc", "pr_auc", "ece", "brier", "accuracy"};
        StringBuilder meanLine = new StringBuilder("mean ");
        for (String key : keys) {
          double[] v = evals.stream().mapToDouble(e -> metric(e, key)).toArray();
          double mu = Arrays.stream(v).average().orElse(Double.NaN);
          double var =
              Arrays.stream(v).map(x -> (x - mu) * (x - mu)).sum() / Math.max(1, v.length - 1);
          mean.put(key, mu);
          sd.put(key, Math.sqrt(var));
          meanLine.append(String.format(Locale.ROOT, " %s %.4f±%.4f", key, mu, Math.sqrt(var)));
        }
        outw.println(meanLine);
        outw.flush();
      }
      if (json != null) {
        OutputFiles.writeString(
            json, VerdictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
      }
      return loaded.rejected().isEmpty()
          ? VeraCommand.EXIT_OK
          : VeraCommand.EXIT_SOME_RECORDS_FAILED;
    } catch (IllegalArgumentException e) {
      throw new VeraCommand.UsageException(e.getMessage());
    }
  }

  /** Leave one corpus out: one fold of {@code vera generalization}. */
  private int holdout(
      TrainingConfig config,
      Inputs.Loaded loaded,
      List<ModelCard.DataFile> files,
      ObjectNode result,
      TerminalProgress progress,
      PrintWriter outw)
      throws Exception {
    List<String> corpora = CorpusGeneralization.corpora(loaded.articles());
    if (!corpora.contains(holdoutCorpus) || corpora.size() < 2) {
      throw new VeraCommand.UsageException(
          "--holdout-corpus "
              + holdoutCorpus
              + ": the data hold the corpora "
              + corpora
              + "; name one of them, with at least one other to train on");
    }
    CorpusGeneralization g =
        new CorpusGeneralization(
            config,
            design.splitField,
            scoring.toOptions(),
            files,
            ProcessTrainingEnvironment.current());
    CorpusGeneralization.Holdout h = g.holdout(loaded.articles(), holdoutCorpus, progress);
    progress.close();
    outw.printf(
        Locale.ROOT,
        "Held out %s (%d records, %.1f%% fake); trained on %s=train of %s, chosen on their %s=valid"
            + " (model %s, base rate %.3f)%n",
        holdoutCorpus,
        h.n(),
        100 * h.fakeShare(),
        design.splitField,
        corpora.stream().filter(c -> !c.equals(holdoutCorpus)).toList(),
        design.splitField,
        h.modelId(),
        h.trainingRate());
    outw.print(EvaluationTable.render(h.atTrainingRate()));
    outw.printf(
        Locale.ROOT,
        "At the held-out corpus's true rate (an oracle): macro-F1 %.4f, ECE %.4f%n",
        h.atTrueRate().macroF1(),
        h.atTrueRate().ece());
    if (h.applicability() != null) {
      outw.printf(
          Locale.ROOT,
          "Applicability AUROC (against the others' test parts): %.4f%n",
          h.applicability().auroc());
    }
    outw.flush();
    GeneralizationReport one =
        new GeneralizationReport(
            "Vera experiment: " + holdoutCorpus + " held out",
            GeneralizationCommand.describe(config),
            design.splitField,
            Inputs.names(data),
            List.of(h),
            null,
            List.of(),
            null);
    result.set("holdout", one.json().get("holdout").get(0));
    if (json != null) {
      Files.writeString(
          json,
          VerdictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result),
          StandardCharsets.UTF_8);
    }
    if (report != null) {
      Files.writeString(report, one.html(Instant.now()), StandardCharsets.UTF_8);
    }
    return loaded.rejected().isEmpty() ? VeraCommand.EXIT_OK : VeraCommand.EXIT_SOME_RECORDS_FAILED;
  }

  private static double metric(Evaluation e, String key) {
    switch (key) {
      case "macro_f1":
        return e.macroF1();
      case "roc_auc":
        return e.rocAuc();
      case "pr_auc":
        return e.prAuc();
      case "ece":
        return e.ece();
      case "brier":
        return e.brier();
      default:
        return e.accuracy();
    }
  }
}
