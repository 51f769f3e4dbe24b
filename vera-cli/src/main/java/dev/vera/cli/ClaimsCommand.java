package dev.vera.cli;

import dev.vera.article.Article;
import dev.vera.claims.CheckWorthinessModel;
import dev.vera.claims.ClaimbusterData;
import dev.vera.eval.ClassReport;
import dev.vera.eval.Evaluation;
import dev.vera.io.OutputFiles;
import dev.vera.model.MetricSummary;
import dev.vera.model.TrainingSet;
import dev.vera.model.io.BundledModel;
import dev.vera.model.io.ModelCardText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vera claims}: the check-worthiness model (train it, evaluate it). */
@Command(
    name = "claims",
    mixinStandardHelpOptions = true,
    description = "Check-worthy sentences: train and evaluate the check-worthiness model.",
    subcommands = {ClaimsCommand.Train.class, ClaimsCommand.Eval.class})
public final class ClaimsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Loads {@code path}, else $VERA_CLAIMS_MODEL, else the bundled model. */
  static CheckWorthinessModel load(@Nullable Path path) throws IOException {
    if (path == null) {
      String env = System.getenv("VERA_CLAIMS_MODEL");
      if (env != null && !env.isBlank()) {
        path = Path.of(env);
      }
    }
    if (path != null) {
      if (!Files.isRegularFile(path)) {
        throw new IOException("check-worthiness model not found: " + path);
      }
      return CheckWorthinessModel.read(path);
    }
    return BundledModel.CLAIMS.loadCheckWorthiness(ModelOption.modelsDir());
  }

  static TrainingOptions claimDefaults() {
    TrainingOptions t = new TrainingOptions();
    t.name = "vera-claims";
    t.spaces = List.of("body-words", "body-chars");
    t.hashBits = 18;
    // Chosen on split=valid average precision: 2-5 (0.758) over the credibility model's 3-5
    // (0.754).
    t.charRange = "2-5";
    t.cGrid = List.of(0.25, 0.5, 1.0, 2.0);
    // A sentence fits one window of the encoder; neighbours are for articles retold by outlets.
    t.embeddings = 1;
    t.neighbours = 0;
    return t;
  }

  static ClaimbusterData.Parts read(Path data, PrintWriter err) throws IOException {
    if (!Files.isRegularFile(data)) {
      throw new IOException("data file not found: " + data);
    }
    List<String> problems = new ArrayList<>();
    ClaimbusterData.Parts parts =
        ClaimbusterData.read(
            data,
            p -> {
              problems.add(p);
              err.println("vera claims: " + p);
            });
    err.flush();
    return parts;
  }

  static String line(String part, Evaluation e) {
    ClassReport c = e.perClass(CheckWorthinessModel.CHECK_WORTHY);
    return String.format(
        Locale.ROOT,
        "  %-12s n=%-5d check-worthy: precision %.3f  recall %.3f  F1 %.3f  average precision %.3f"
            + "  (threshold %.3f, %d check-worthy)",
        part,
        e.n(),
        c.precision(),
        c.recall(),
        c.f1(),
        e.prAuc(),
        e.threshold(),
        c.support());
  }

  /** The model card, read for this task: the card's generic wording speaks of fake articles. */
  static String cardMarkdown(CheckWorthinessModel model) {
    String md = ModelCardText.markdown(model.card());
    int firstLineEnd = md.indexOf('\n') + 1;
    return md.substring(0, firstLineEnd)
        + "\nA check-worthiness model for sentences (`vera check --claims`): below, \"fake\" means"
        + " check-worthy (ClaimBuster CFS) and \"real\" not; articles are sentences. The decision"
        + " threshold was chosen on validation for the F1 of the check-worthy class, not macro-F1.\n"
        + md.substring(firstLineEnd);
  }

  /** {@code vera claims train}. */
  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = {
        "Train the check-worthiness model on labelled sentences (JSONL: text, label"
            + " check-worthy|not, split train|valid|test), e.g."
            + " ../shared/data/claimbuster/sentences.jsonl.",
        "Fits on split=train, chooses C and the threshold (F1 of the check-worthy class) on"
            + " split=valid, reports split=test."
      })
  static final class Train implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--data",
        required = true,
        paramLabel = "FILE",
        description = "Labelled sentences (JSONL).")
    Path data;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "MODEL",
        description = "Where to write the model.")
    Path out;

    @Option(
        names = "--card",
        paramLabel = "FILE",
        description = "Also write the model card as Markdown.")
    @Nullable Path card;

    @Mixin TrainingOptions training = claimDefaults();

    @Override
    public Integer call() throws Exception {
      PrintWriter outw = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      ClaimbusterData.Parts parts = read(data, err);
      var config = training.toConfig();
      TrainingSet set =
          new TrainingSet(
              parts.train(), parts.valid(), parts.test(), Inputs.describe(List.of(data)), "split");
      long t0 = System.nanoTime();
      CheckWorthinessModel model;
      try (TerminalProgress progress = TerminalProgress.forStderr(err, true)) {
        model =
            CheckWorthinessModel.train(set, config, ProcessTrainingEnvironment.current(), progress);
      } catch (IllegalArgumentException e) {
        throw new VeraCommand.UsageException(e.getMessage());
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      model.write(out);
      if (card != null) {
        OutputFiles.writeString(card, cardMarkdown(model));
      }
      outw.printf(
          Locale.ROOT,
          "Trained %s on %d sentences in %.1f s (C=%s, threshold %.3f); wrote %s (%d bytes)%n",
          model.card().modelId(),
          set.train().size(),
          secs,
          model.card().parameters().c(),
          model.threshold(),
          out,
          Files.size(out));
      outw.println(line("split=valid", model.evaluate(parts.valid(), model.threshold())));
      if (!parts.test().isEmpty()) {
        outw.println(line("split=test", model.evaluate(parts.test(), model.threshold())));
      }
      for (MetricSummary m : model.card().validation()) {
        outw.println(TrainCommand.summaryLine(m));
      }
      return VeraCommand.EXIT_OK;
    }
  }

  /** {@code vera claims eval}. */
  @Command(
      name = "eval",
      mixinStandardHelpOptions = true,
      description =
          "Precision, recall, F1 and average precision of the check-worthy class on one part of"
              + " labelled sentences (default: test), at the model's threshold.")
  static final class Eval implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--data",
        required = true,
        paramLabel = "FILE",
        description = "Labelled sentences (JSONL).")
    Path data;

    @Option(
        names = "--part",
        paramLabel = "PART",
        description = "train, valid or test (default: test).")
    String part = "test";

    @Option(
        names = "--claims-model",
        paramLabel = "MODEL",
        description = "Model (default: the bundled one).")
    @Nullable Path modelPath;

    @Override
    public Integer call() throws Exception {
      PrintWriter outw = spec.commandLine().getOut();
      CheckWorthinessModel model = load(modelPath);
      ClaimbusterData.Parts parts = read(data, spec.commandLine().getErr());
      List<Article> chosen =
          switch (part) {
            case "train" -> parts.train();
            case "valid" -> parts.valid();
            case "test" -> parts.test();
            default -> throw new VeraCommand.UsageException("--part must be train, valid or test");
          };
      if (chosen.isEmpty()) {
        throw new VeraCommand.UsageException("no sentences in split=" + part + " of " + data);
      }
      outw.println("Model " + model.card().modelId());
      outw.println(line("split=" + part, model.evaluate(chosen, model.threshold())));
      return VeraCommand.EXIT_OK;
    }
  }
}
