package dev.vera.cli;

import dev.vera.model.CredibilityModel;
import dev.vera.model.io.ModelCardText;
import dev.vera.model.io.ModelFile;
import dev.vera.output.VerdictJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vera model}: facts about model files. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Facts about model files.",
    subcommands = {ModelCommand.Info.class})
public final class ModelCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code vera model info [MODEL]}: the model card. */
  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      description =
          "Print the model card: training data and its hash, size, parameters, metrics, date.")
  static final class Info implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(
        arity = "0..1",
        paramLabel = "MODEL",
        description =
            "Model file, or a bundled model: fast (the default), fast-gossipcop or accurate.")
    @Nullable Path model;

    @Option(names = "--json", description = "Print the card as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      CredibilityModel m = ModelOption.load(model);
      if (json) {
        TerminalText.exact(out)
            .println(
                VerdictJson.mapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ModelFile.cardJson(m.card())));
      } else {
        out.print(ModelCardText.markdown(m));
        out.printf(
            "%nFile: %s; %d of %d hashed feature slots kept; %d training content hashes.%n",
            ModelOption.source(model).describe(),
            m.vectorizer().keptSlots(),
            m.vectorizer().config().hashSize(),
            m.trainingHashes().length);
      }
      out.flush();
      return VeraCommand.EXIT_OK;
    }
  }
}
