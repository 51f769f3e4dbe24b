package dev.vera.cli;

import picocli.CommandLine.Command;

/** {@code vera explain}: {@code vera check --explain} under its own name. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Explain verdicts: the phrases pushing toward fake and toward credible with their weights,"
            + " the sentences that move the probability most, and the style signs.")
public final class ExplainCommand extends CheckCommand {
  @Override
  boolean explainAll() {
    return true;
  }
}
