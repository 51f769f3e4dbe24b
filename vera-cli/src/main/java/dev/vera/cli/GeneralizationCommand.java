package dev.vera.cli;

import dev.vera.article.Article;
import dev.vera.experiment.Ablation;
import dev.vera.experiment.AblationReport;
import dev.vera.experiment.CorpusGeneralization;
import dev.vera.experiment.GeneralizationReport;
import dev.vera.experiment.PeerYardstick;
import dev.vera.model.CredibilityModel;
import dev.vera.model.EmbeddingHead;
import dev.vera.model.ModelCard;
import dev.vera.model.TrainingConfig;
import dev.vera.output.VerdictJson;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vera generalization}: how a training recipe holds beyond the collections it learns from.
 * The whole leave-one-corpus-out table, each corpus's in-domain test figures beside a model of the
 * same recipe trained on that corpus alone, applicability and the source evidence.
 */
@Command(
    name = "generalization",
    mixinStandardHelpOptions = true,
    description = {
      "Leave one corpus out: for each corpus, train on the others' train parts (settings chosen on"
          + " their valid parts) and judge every record of the held-out one; then one model on every"
          + " corpus's train part, judged on each corpus's test part, beside the same recipe trained"
          + " on that corpus alone.",
      "The corpus of a record is its 'corpus' field, else the folder of its file."
    })
public final class GeneralizationCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      arity = "2..*",
      paramLabel = "PATH",
      description = "Labelled corpora (two or more).")
  List<Path> data;

  @Option(
      names = "--split-field",
      paramLabel = "FIELD",
      description = "The split field of every corpus (default: split).")
  String splitField = "split";

  @Option(
      names = "--holdout",
      paramLabel = "CORPUS",
      description = "Hold out only these corpora (repeatable; default: each in turn).")
  List<String> holdout = new ArrayList<>();

  @Option(
      names = "--no-in-domain",
      description = "Skip the in-domain figures (one model less, and one per corpus).")
  boolean noInDomain;

  @Option(names = "--no-alone", description = "In domain, skip the single-corpus models.")
  boolean noAlone;

  @Option(
      names = "--peer",
      paramLabel = "JSONL",
      description =
          "The peer yardstick's output (shared/tools/loco_peer.py), shown beside Vera's figures.")
  @Nullable Path peer;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the figures as JSON.")
  @Nullable Path json;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Write the figures as a self-contained HTML page.")
  @Nullable Path report;

  @Option(
      names = "--ablation",
      description =
          "Instead: judge changes to the recipe leave one corpus out (each part taken out, other"
              + " corpus weights, the publishers' boilerplate dropped, --ablation-corpus added),"
              + " with a nested choice per held-out corpus.")
  boolean ablation;

  @Option(
      names = "--ablation-embeddings",
      description =
          "With --ablation, also judge stacking sentence embeddings (slow: every article is embedded once).")
  boolean ablationEmbeddings;

  @Option(
      names = "--ablation-corpus",
      paramLabel = "PATH",
      description =
          "With --ablation, also judge adding this corpus to every training run (its train part"
              + " trains, its valid part validates; never held out). Repeatable.")
  List<Path> ablationCorpora = new ArrayList<>();

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress output.")
  boolean quiet;

  @Mixin InputOptions input;
  @Mixin TrainingOptions training;
  @Mixin ScoringOptionsMixin scoring;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (TerminalProgress progress = TerminalProgress.forStderr(err, quiet)) {
      TrainingConfig config = training.toConfig();
      PeerYardstick peerFigures = peer == null ? null : PeerYardstick.read(peer);
      Inputs.Loaded loaded = Inputs.readAll(data, input.readerOptions(err), err, progress);
      List<Article> all = loaded.articles();
      List<String> corpora = CorpusGeneralization.corpora(all);
      if (corpora.size() < 2) {
        throw new VeraCommand.UsageException(
            "leave-one-corpus-out needs two corpora or more; the data hold " + corpora);
      }
      List<String> held = holdout.isEmpty() ? corpora : holdout;
      for (String h : held) {
        if (!corpora.contains(h)) {
          throw new VeraCommand.UsageException(
              "no corpus '" + h + "' in the data; corpora: " + corpora);
        }
      }
      List<ModelCard.DataFile> files = Inputs.describe(data);
      if (ablation) {
        return ablation(config, all, files, loaded, progress, out, err);
      }
      CorpusGeneralization g =
          new CorpusGeneralization(
              config, splitField, scoring.toOptions(), files, ProcessTrainingEnvironment.current());
      List<CorpusGeneralization.Holdout> holdouts = new ArrayList<>();
      for (String h : held) {
        CorpusGeneralization.Holdout result = g.holdout(all, h, progress);
        holdouts.add(result);
        progress.close();
        err.printf(
            Locale.ROOT,
            "vera: held out %s: ROC-AUC %.4f (%s)%n",
            h,
            result.atTrainingRate().rocAuc(),
            result.modelId());
        err.flush();
      }
      String allModelId = null;
      List<CorpusGeneralization.InDomain> inDomain = new ArrayList<>();
      if (!noInDomain) {
        CredibilityModel every = g.train(all, progress);
        allModelId = every.card().modelId();
        for (String c : corpora) {
          CredibilityModel alone =
              noAlone ? null : g.train(CorpusGeneralization.corpus(all, c), progress);
          inDomain.add(g.inDomain(every, all, c, alone, progress));
          progress.close();
          err.printf(Locale.ROOT, "vera: in domain %s done%n", c);
          err.flush();
        }
      }
      progress.close();
      GeneralizationReport r =
          new GeneralizationReport(
              "Vera generalization: " + String.join(", ", corpora),
              describe(config),
              splitField,
              Inputs.names(data),
              holdouts,
              allModelId,
              inDomain,
              peerFigures);
      out.print(r.text());
      out.flush();
      if (json != null) {
        Files.writeString(
            json,
            VerdictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r.json()),
            StandardCharsets.UTF_8);
      }
      if (report != null) {
        Files.writeString(report, r.html(Instant.now()), StandardCharsets.UTF_8);
      }
      return loaded.rejected().isEmpty()
          ? VeraCommand.EXIT_OK
          : VeraCommand.EXIT_SOME_RECORDS_FAILED;
    } catch (IllegalArgumentException e) {
      throw new VeraCommand.UsageException(e.getMessage());
    }
  }

  private int ablation(
      TrainingConfig config,
      List<Article> all,
      List<ModelCard.DataFile> files,
      Inputs.Loaded loaded,
      TerminalProgress progress,
      PrintWriter out,
      PrintWriter err)
      throws Exception {
    List<Ablation.Part> parts = new ArrayList<>(Ablation.recipeChanges(config));
    if (ablationEmbeddings && config.embeddings() == null) {
      parts.add(
          new Ablation.Part(
              "+embeddings",
              "sentence embeddings (all-MiniLM-L6-v2) stacked into the score",
              c -> c.withEmbeddings(EmbeddingHead.Settings.forArticles())));
    }
    for (Path p : ablationCorpora) {
      Inputs.Loaded extra = Inputs.readAll(List.of(p), input.readerOptions(err), err, progress);
      String name = Inputs.corpusName(p);
      parts.add(
          new Ablation.Part(
              "+" + name,
              "the corpus " + name + " added to every training run",
              c -> c,
              extra.articles()));
    }
    Ablation.Listener listener =
        new Ablation.Listener() {
          @Override
          public void trained(String variant, List<String> trainedOn, Map<String, Double> rocAuc) {
            progress.close();
            err.printf(Locale.ROOT, "vera: %s trained on %s: %s%n", variant, trainedOn, rocAuc);
            err.flush();
          }

          @Override
          public void variantDone(Ablation.VariantFigures f) {
            err.printf(
                Locale.ROOT, "vera: %s: mean held-out ROC-AUC %.4f%n", f.variant(), f.mean());
            err.flush();
          }
        };
    Ablation.Result r =
        new Ablation(config, parts, splitField, files, ProcessTrainingEnvironment.current())
            .run(all, progress, listener);
    progress.close();
    AblationReport report = new AblationReport(describe(config), parts, r);
    out.print(report.text());
    out.flush();
    if (json != null) {
      Files.writeString(
          json,
          VerdictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.json()),
          StandardCharsets.UTF_8);
    }
    if (this.report != null) {
      Files.writeString(this.report, report.markdown(), StandardCharsets.UTF_8);
    }
    return loaded.rejected().isEmpty() ? VeraCommand.EXIT_OK : VeraCommand.EXIT_SOME_RECORDS_FAILED;
  }

  /** The recipe in words, for the report. */
  static String describe(TrainingConfig c) {
    return String.format(
        Locale.ROOT,
        "%s; C among %s; neighbours %s; embeddings %s; corpus balance %s; corpus intercepts %s",
        c.features().toString(),
        c.cGrid(),
        c.neighbours() == null ? "not stacked" : c.neighbours().k() + " stacked",
        c.embeddings() == null ? "none" : c.embeddings().bodyWindows() + " windows",
        c.corpusBalance(),
        c.corpusIntercepts() ? "on" : "off");
  }
}
