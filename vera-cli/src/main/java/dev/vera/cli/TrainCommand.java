package dev.vera.cli;

import dev.vera.experiment.Splits;
import dev.vera.feedback.TrainingCorrections;
import dev.vera.io.OutputFiles;
import dev.vera.model.CredibilityModel;
import dev.vera.model.LinearTrainer;
import dev.vera.model.MetricSummary;
import dev.vera.model.TrainingSet;
import dev.vera.model.io.ModelCardText;
import dev.vera.model.io.ModelFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vera train}: a model from labelled articles. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a model on labelled articles (label: fake|real).",
      "With --split-field F: trains on F=train, chooses every setting and calibrates on F=valid,"
          + " and reports F=test in the model card. Without it, a stratified tenth is held out"
          + " for validation."
    })
public final class TrainCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      arity = "1..*",
      paramLabel = "PATH",
      description = "Training data: files or directories.")
  List<Path> data;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "MODEL",
      description = "Where to write the model file.")
  Path out;

  @Option(
      names = "--split-field",
      paramLabel = "FIELD",
      description = "Split field of the data: split, split_time, split_source …")
  @Nullable String splitField;

  @Option(
      names = "--card",
      paramLabel = "FILE",
      description = "Also write the model card as Markdown.")
  @Nullable Path card;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress output.")
  boolean quiet;

  @Option(
      names = "--feedback",
      paramLabel = "DB",
      description =
          "Also train on the analysts' corrections in this feedback database (the latest per"
              + " article, with the analyst's label); articles they cover leave the validation and"
              + " test parts.")
  @Nullable Path feedback;

  @Option(
      names = "--feedback-weight",
      paramLabel = "N",
      description = "How many times each correction counts in the fit (default: 3).")
  int feedbackWeight = TrainingCorrections.DEFAULT_WEIGHT;

  @Option(
      names = "--corpus-licences",
      paramLabel = "TSV",
      description =
          "Each training corpus's licence (lines 'corpus<TAB>licence'), for the model card.")
  @Nullable Path corpusLicences;

  @Option(
      names = "--held-out-figures",
      paramLabel = "JSON",
      description =
          "The JSON of 'vera generalization' for the same recipe: each corpus's held-out figures"
              + " go into the model card.")
  @Nullable Path heldOutFigures;

  @Mixin InputOptions input;
  @Mixin TrainingOptions training;

  @Override
  public Integer call() throws Exception {
    PrintWriter outw = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (TerminalProgress progress = TerminalProgress.forStderr(err, quiet)) {
      var config = training.toConfig();
      Inputs.Loaded loaded = Inputs.readAll(data, input.readerOptions(err), err, progress);
      TrainingSet set =
          splitField == null
              ? Splits.holdout(loaded.articles(), 10, config.seed(), Inputs.describe(data))
              : Splits.byField(loaded.articles(), splitField, Inputs.describe(data));
      if (feedback != null) {
        set = CorrectionsCli.join(set, feedback, feedbackWeight, outw);
      }
      set = training.heldOut(set);
      long t0 = System.nanoTime();
      CredibilityModel model =
          new LinearTrainer(config, ProcessTrainingEnvironment.current()).train(set, progress);
      double secs = (System.nanoTime() - t0) / 1e9;
      progress.close();
      model = CardNotes.apply(model, corpusLicences, heldOutFigures);
      ModelFile.write(model, out);
      if (card != null) {
        OutputFiles.writeString(card, ModelCardText.markdown(model));
      }
      outw.printf(
          Locale.ROOT,
          "Trained %s on %d articles%s in %.1f s (C=%s, threshold %.3f); wrote %s (%d bytes)%n",
          model.card().modelId(),
          set.train().size(),
          set.corrections().isEmpty() ? "" : " and " + set.corrections().size() + " corrections",
          secs,
          model.card().parameters().c(),
          model.card().parameters().threshold(),
          out,
          Files.size(out));
      for (MetricSummary m : model.card().validation()) {
        outw.println(summaryLine(m));
      }
      if (model.card().test() != null) {
        outw.println(summaryLine(model.card().test()));
      }
      outw.flush();
      return loaded.rejected().isEmpty()
          ? VeraCommand.EXIT_OK
          : VeraCommand.EXIT_SOME_RECORDS_FAILED;
    } catch (IllegalArgumentException e) {
      throw new VeraCommand.UsageException(e.getMessage());
    }
  }

  static String summaryLine(MetricSummary m) {
    return String.format(
        Locale.ROOT,
        "  %-18s n=%-5d macro-F1 %.4f  ROC-AUC %.4f  PR-AUC %.4f  ECE %.4f  Brier %.4f  accuracy %.4f",
        m.part(),
        m.n(),
        m.macroF1(),
        m.rocAuc(),
        m.prAuc(),
        m.ece(),
        m.brier(),
        m.accuracy());
  }
}
